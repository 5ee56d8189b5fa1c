package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import com.toaide.testing.InputBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The render command on bytes must write what it writes on a reader and writer of the same
 * streams, byte for byte, with the same status: the command line takes the byte path, the
 * tests of {@link RenderCommandTest} the text one.
 */
class ByteRenderTest {

    private record Run(int status, String out) {}

    private static Run asText(byte[] input, String... options) throws IOException {
        var out = new ByteArrayOutputStream();
        int status;
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            status = RenderCommand.run(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), writer, options);
        }
        return new Run(status, out.toString(StandardCharsets.ISO_8859_1));
    }

    private static Run asBytes(InputStream input, String... options) {
        var out = new ByteArrayOutputStream();
        int status = RenderCommand.run(input, out, options);
        return new Run(status, out.toString(StandardCharsets.ISO_8859_1));
    }

    private static void assertSame(byte[] input, Random random, String... options) throws IOException {
        Run text = asText(input, options);
        assertThat(asBytes(new ByteArrayInputStream(input), options)).isEqualTo(text);
        assertThat(asBytes(InputBytes.trickling(input, 1 + random.nextInt(9)), options)).isEqualTo(text);
    }

    /** Replay output lines whose title is each of the values the byte path tells apart, and other lines. */
    private static List<byte[]> hostileLines() {
        String poker = Samples.pokerLeague().toJson().toString();
        String title = "Thursday Poker League";
        assertThat(poker).contains(title);
        List<byte[]> lines = new ArrayList<>();
        for (String value : List.of("plain", "caf\u00e9 \u20ac \uD83D\uDE00", "a\u0001b", "a\u007fb", "tab\there",
                "\\ud83d\\ude00", "\\ud800 alone", "\\uDFFF", "\\\\ud800", "\\u00e9 \\u0000", "\u2028", "\u0085",
                "<b>&amp;</b>", "y".repeat(70_000), "\u00e9".repeat(40_000))) {
            String snapshot = poker.replace(title, value);
            lines.add(snapshot.getBytes(StandardCharsets.UTF_8));
            lines.add(("{\"results\":[],\"snapshot\":" + snapshot + "}").getBytes(StandardCharsets.UTF_8));
        }
        lines.add(InputBytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, poker.getBytes(StandardCharsets.UTF_8)));
        lines.add(InputBytes.concat("{\"snapshot\":".getBytes(StandardCharsets.UTF_8), poker.replace(title, "\u0001").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, ' ', (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, "}".getBytes(StandardCharsets.UTF_8)));
        for (String other : List.of("", "   ", "\t", "\u0000", "[1e999]", "{not json", "{\"snapshot\":{}} trailing", "[]",
                "\"\\ud800\"", Snapshot.empty().toJson().toString())) {
            lines.add(other.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void bytes_and_text_give_the_same_output_on_hostile_lines_with_every_line_end() throws IOException {
        Random random = new Random(15);
        List<byte[]> lines = hostileLines();
        for (String end : List.of("\n", "\r\n", "\r")) {
            byte[] all = InputBytes.lines(lines, end);
            assertSame(all, random);
            assertSame(all, random, "--editor");
            assertSame(Arrays.copyOf(all, all.length - end.length()), random, "--plan", "pro", "--url", "https://p.example/\u00e9");
        }
        for (byte[] line : lines) {
            assertSame(line, random);
        }
    }

    @Test
    void a_usage_error_is_written_the_same_way() throws IOException {
        assertSame(new byte[0], new Random(1), "--plan", "gold \u00e9");
        assertSame(new byte[0], new Random(1), "--bogus");
    }
}
