package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinesTest {

    /** Hands out at most {@code chunk} characters per read, so lines and {@code \r\n} pairs straddle reads. */
    private static Reader trickling(String text, int chunk) {
        return new StringReader(text) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }

    private static List<String> split(Reader in) throws IOException {
        List<String> out = new ArrayList<>();
        Lines lines = new Lines(in);
        while (lines.next()) {
            assertThat(lines.isBlank()).isEqualTo(lines.text().isBlank());
            out.add(lines.text());
        }
        return out;
    }

    @Test
    void lines_split_where_buffered_reader_splits_them() throws IOException {
        Random random = new Random(15);
        String pieces = "ab \t\r\n\u2003{}x";
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 200_000 : 60);
            for (int i = 0; i < length; i++) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            List<String> expected = new BufferedReader(new StringReader(text.toString())).lines().toList();

            assertThat(split(trickling(text.toString(), 1 + random.nextInt(7)))).isEqualTo(expected);
            assertThat(split(new StringReader(text.toString()))).isEqualTo(expected);
        }
    }
}
