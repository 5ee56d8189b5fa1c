package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** {@link HtmlEscape} must write what jte's {@link Escape} writes, byte for byte. */
class HtmlEscapeTest {

    private static final List<String> HOSTILE = List.of(
            "", "plain", "&", "<", ">", "\"", "'", "&amp;", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "a&b<c>d\"e'f",
            "Grüße – 東京 😀", "\uD83D", "\uDE00", "x\uD83Dy", "\u0000\u0001\t\n\r\u007f\u0085\u2028",
            "&&&<<<>>>\"\"\"'''", "javascript:alert(1)", "<<", ">>", "end&");

    @Test
    void contentMatchesJteOnHostileAndRandomStrings() {
        for (String s : strings()) {
            assertThat(ours(s, HtmlEscape::content)).as(s).isEqualTo(jte(s, Escape::htmlContent));
        }
    }

    @Test
    void attributeMatchesJteOnHostileAndRandomStrings() {
        for (String s : strings()) {
            assertThat(ours(s, HtmlEscape::attribute)).as(s).isEqualTo(jte(s, Escape::htmlAttribute));
        }
    }

    @Test
    void nullWritesNothing() {
        StringBuilder out = new StringBuilder("x");
        HtmlEscape.content(null, out);
        HtmlEscape.attribute(null, out);
        assertThat(out).hasToString("x");
    }

    private static List<String> strings() {
        List<String> all = new ArrayList<>(HOSTILE);
        Random random = new Random(15);
        String alphabet = "&<>\"'a Z0\u00e9\u6771\uD83D\uDE00\u0000\n";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                // Mostly the escaped characters and their neighbours, sometimes any char at all.
                s.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            all.add(s.toString());
        }
        return all;
    }

    private static String ours(String s, BiConsumer<String, StringBuilder> escape) {
        StringBuilder out = new StringBuilder();
        escape.accept(s, out);
        return out.toString();
    }

    private static String jte(String s, BiConsumer<String, StringOutput> escape) {
        StringOutput out = new StringOutput();
        escape.accept(s, out);
        return out.toString();
    }
}
