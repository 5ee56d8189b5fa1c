package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The replay command on bytes must write what it writes on a reader and writer of the same
 * streams, byte for byte, with the same status: the command line takes the byte path, the
 * tests of {@link ReplayCommandTest} the text one.
 */
class ByteReplayTest {

    private record Run(int status, byte[] out) {}

    private static Run asText(byte[] input) throws IOException {
        var out = new ByteArrayOutputStream();
        int status;
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            status = ReplayCommand.run(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), writer);
        }
        return new Run(status, out.toByteArray());
    }

    private static Run asBytes(InputStream input) {
        var out = new ByteArrayOutputStream();
        int status = ReplayCommand.run(input, out);
        return new Run(status, out.toByteArray());
    }

    private static void assertSame(byte[] input, Random random) throws IOException {
        Run text = asText(input);
        Run bytes = asBytes(new ByteArrayInputStream(input));
        assertThat(bytes.status()).isEqualTo(text.status());
        assertThat(new String(bytes.out(), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(text.out(), StandardCharsets.ISO_8859_1));
        Run trickled = asBytes(InputBytes.trickling(input, 1 + random.nextInt(9)));
        assertThat(trickled.out()).isEqualTo(text.out());
    }

    private static final String CREATE = "{\"t\":\"entity.create\",\"id\":\"ab\",\"parent\":\"root\",\"display\":\"text\",\"p\":{\"x\":\"%s\"}}";

    /** Lines that are not plain ASCII in every way the byte path tells apart, and some that are. */
    private static List<byte[]> hostileLines() {
        List<byte[]> lines = new ArrayList<>();
        for (String value : List.of("plain", "caf\u00e9 \u20ac \uD83D\uDE00", "a\u0001b", "a\u007fb", "tab\there",
                "\\ud83d\\ude00", "\\ud800 alone", "\\uDFFF", "\\\\ud800", "\\u00e9 \\u0000", "\u2028", "\u0085",
                "y".repeat(70_000), "\u00e9".repeat(40_000))) {
            lines.add(("[" + CREATE.formatted(value) + "]").getBytes(StandardCharsets.UTF_8));
        }
        lines.add(InputBytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "[]".getBytes(StandardCharsets.UTF_8)));
        lines.add(InputBytes.concat("[".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, ' ', (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "]".getBytes(StandardCharsets.UTF_8)));
        lines.add(("[" + CREATE.formatted("bad") + "]").replace("bad", "\u0000").getBytes(StandardCharsets.UTF_8));
        for (String other : List.of("", "   ", "\t", "\u001f\u001c", "\u0000", "[1e999, -0.0]", "{\"not\":\"array\"}",
                "[{\"t\":\"entity.create\"", "[] trailing", "[]", "\"\\ud800\"", "[{\"t\":\"rel.constrain\"}]",
                "[" + "[".repeat(3000) + "]".repeat(3000) + "]")) {
            lines.add(other.getBytes(StandardCharsets.UTF_8));
        }
        for (Fixtures.Case c : Fixtures.all()) {
            lines.add(c.events().toString().getBytes(StandardCharsets.UTF_8));
        }
        // Every kind of value a snapshot holds, in props, meta and rules: the byte path writes them
        // without the mapper, the text path through it.
        lines.add(("[{\"t\":\"entity.create\",\"id\":\"ab\",\"parent\":\"root\",\"display\":\"text\",\"p\":{"
                + "\"big\":123456789012345678901234567890,\"neg\":-99999999999999999999,\"c\":1.5e300,\"d\":-0.0,"
                + "\"l\":9007199254740993,\"z\":[],\"list\":[1,2.5,null,\"s\",true]}},"
                + "{\"t\":\"meta.set\",\"p\":{\"title\":\"T\",\"extra\":{\"x\":[true,false,1e-7]},\"n\":12345678901234567890123}},"
                + "{\"t\":\"meta.constrain\",\"id\":\"m\",\"parent\":\"root\",\"rule\":\"max_children\",\"value\":2,\"strict\":true},"
                + "{\"t\":\"rel.constrain\",\"id\":\"c\",\"rule\":\"max_links\",\"value\":123456789012345678901234567890,\"strict\":true},"
                + "{\"t\":\"rel.constrain\",\"id\":\"apart\",\"rule\":\"exclude_pair\",\"entities\":[\"ab\",\"cd\"],\"strict\":false}]")
                .getBytes(StandardCharsets.UTF_8));
        return lines;
    }

    @Test
    void bytes_and_text_give_the_same_output_on_hostile_lines_with_every_line_end() throws IOException {
        Random random = new Random(15);
        List<byte[]> lines = hostileLines();
        for (String end : List.of("\n", "\r\n", "\r")) {
            byte[] all = InputBytes.lines(lines, end);
            assertSame(all, random);
            assertSame(java.util.Arrays.copyOf(all, all.length - end.length()), random); // no final line end
        }
        for (byte[] line : lines) {
            assertSame(line, random);
        }
    }

    @Test
    void bytes_and_text_give_the_same_output_on_mutated_fixture_lines() throws IOException {
        Random random = new Random(9);
        List<Fixtures.Case> cases = Fixtures.all();
        byte[][] inserts = {"\\ud800".getBytes(StandardCharsets.US_ASCII), "\\u0000".getBytes(StandardCharsets.US_ASCII),
                {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xFF}, {(byte) 0xF0, (byte) 0x9F}, {0x01}, {'\r'}, {'"'}, {'\\'}, {'}'}};
        var input = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            byte[] line = cases.get(random.nextInt(cases.size())).events().toString().getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(line.length + 1);
            byte[] insert = inserts[random.nextInt(inserts.length)];
            input.writeBytes(InputBytes.concat(java.util.Arrays.copyOf(line, at), insert,
                    java.util.Arrays.copyOfRange(line, at, line.length), new byte[] {'\n'}));
        }
        assertSame(input.toByteArray(), random);
    }
}
