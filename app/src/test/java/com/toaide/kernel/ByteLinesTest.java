package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.InputBytes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteLines} against {@code BufferedReader} and a byte-by-byte reading of "plain". */
class ByteLinesTest {
    /** Every kind of byte the scan tells apart, ordinary ones most often, and the pieces of a surrogate escape. */
    private static final byte[] BYTES = {'a', 'b', '{', '"', ' ', '~', '\t', '\n', '\r', '\\', 'u', 'd', 'D', '8', 'f',
            'c', 0x1f, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, (byte) 0xff, 0x00, 0x5b, 0x5d};

    private static byte[] randomInput(Random random) {
        int length = random.nextInt(random.nextInt(10) == 0 ? 100_000 : 80);
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            // Long ordinary runs, so the eight-at-a-time test is taken and left at every offset.
            input[i] = random.nextInt(4) == 0 ? BYTES[random.nextInt(BYTES.length)] : (byte) ('a' + random.nextInt(26));
        }
        return input;
    }


    private record Line(String text, boolean plain) {}

    private static List<Line> split(InputStream in) throws IOException {
        List<Line> out = new ArrayList<>();
        ByteLines lines = new ByteLines(in);
        while (lines.next()) {
            out.add(new Line(lines.text(), lines.isPlainAscii()));
            if (lines.isPlainAscii()) {
                assertThat(lines.isBlank()).isEqualTo(lines.text().isBlank());
            }
        }
        return out;
    }

    /**
     * The definition, one byte at a time over the whole input: printable ASCII or tab, and no
     * backslash starting {@code \}{@code u} and D8 to DF, nor one too near the input's end to tell.
     */
    private static boolean plain(byte[] input, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = input[i];
            if (c == '\\') {
                if (i + 3 >= input.length) {
                    return false;
                }
                if (input[i + 1] == 'u' && (input[i + 2] | 0x20) == 'd'
                        && "89abcdefABCDEF".indexOf(input[i + 3]) >= 0) {
                    return false;
                }
            } else if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
                return false;
            }
        }
        return true;
    }

    /** Where each line of {@code input} starts and ends, split as readLine splits. */
    private static List<int[]> ranges(byte[] input) {
        List<int[]> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' || input[i] == '\r') {
                ranges.add(new int[] {start, i});
                if (input[i] == '\r' && i + 1 < input.length && input[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < input.length) {
            ranges.add(new int[] {start, input.length});
        }
        return ranges;
    }

    @Test
    void lines_and_plainness_match_the_byte_by_byte_definition() throws IOException {
        Random random = new Random(16);
        for (int round = 0; round < 2_000; round++) {
            byte[] input = randomInput(random);
            List<String> expected = new BufferedReader(
                    new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8)).lines().toList();
            List<int[]> ranges = ranges(input);

            // Read whole (every input here is under the first read's 64 KB buffer, or read again
            // past it only at line ends): plain is exactly the definition.
            List<Line> whole = split(new ByteArrayInputStream(input));
            assertThat(whole).extracting(Line::text).isEqualTo(expected);
            for (int l = 0; l < whole.size(); l++) {
                if (input.length <= 1 << 16) {
                    assertThat(whole.get(l).plain()).as("line %d of round %d", l, round)
                            .isEqualTo(plain(input, ranges.get(l)[0], ranges.get(l)[1]));
                }
            }

            // Read a few bytes at a time: the same lines, and a line that is not plain never taken for one.
            List<Line> trickled = split(InputBytes.trickling(input, 1 + random.nextInt(13)));
            assertThat(trickled).extracting(Line::text).isEqualTo(expected);
            for (int l = 0; l < trickled.size(); l++) {
                if (!plain(input, ranges.get(l)[0], ranges.get(l)[1])) {
                    assertThat(trickled.get(l).plain()).as("line %d of round %d", l, round).isFalse();
                }
            }
        }
    }
}
