package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Values#shorten} folds whitespace as {@code replaceAll("\\s+", " ")} did, without a pattern per call. */
class ShortenTest {

    private static String folded(String text, int max) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }

    @Test
    void folds_every_kind_of_whitespace_run_as_the_pattern_did() {
        String[] cases = {"", " ", "a", "a b", "a  b", "a\tb", "a \tb", "a\n\nb", "a\u000Bb", "a\fb", "a\rb",
                "a\u00A0b", "a\u2003 b", " lead and trail ", "x \n", "one two  three   four", "tab\t"};
        for (String c : cases) {
            assertThat(Values.shorten(c, 160)).as(c).isEqualTo(folded(c, 160));
            assertThat(Values.shorten(c, 4)).as(c).isEqualTo(folded(c, 4));
        }
    }

    @Test
    void folds_random_text_as_the_pattern_did() {
        Random random = new Random(15);
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', '\u3000', 'é'};
        for (int n = 0; n < 5_000; n++) {
            char[] text = new char[random.nextInt(40)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(Values.shorten(s, 20)).as(s).isEqualTo(folded(s, 20));
        }
    }
}
