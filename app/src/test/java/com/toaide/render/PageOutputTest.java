package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageOutputTest {
    private static final List<String> VALUES = List.of("", "plain words", "Player 7", "2026-05-22", "num",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "a & b",
            "&amp;", "x > y", "javascript:alert(1)", " JavaScript:alert(1)", "https://example.com/?a=1&b=2",
            "café “curly” ✓ 🎲", "</style>", "line\nbreak\ttab", "\\u003c", "`backtick`", "=");
    private static final List<String[]> CONTEXTS = Arrays.asList(new String[] {null, null}, new String[] {"p", null},
            new String[] {"script", null}, new String[] {"style", null}, new String[] {"div", "class"},
            new String[] {"a", "href"}, new String[] {"a", "title"}, new String[] {"img", "src"},
            new String[] {"div", "onclick"}, new String[] {"button", "onmouseover"}, new String[] {"td", "data-entity"},
            new String[] {null, "class"});

    @Test
    void every_value_in_every_context_is_written_exactly_as_jtes_owasp_output_writes_it() {
        for (String[] context : CONTEXTS) {
            for (String value : VALUES) {
                assertThat(write(true, context, value))
                        .as("%s in <%s %s>", value, context[0], context[1])
                        .isEqualTo(write(false, context, value));
            }
        }
    }

    @Test
    void a_value_before_any_context_is_escaped_as_text() {
        StringOutput out = new StringOutput();
        new PageOutput(out).writeUserContent("<b>&</b>");
        assertThat(out.toString()).isEqualTo("&lt;b&gt;&amp;&lt;/b&gt;");
    }

    private static String write(boolean pageOutput, String[] context, String value) {
        StringOutput inner = new StringOutput();
        HtmlTemplateOutput o = pageOutput ? new PageOutput(inner) : new OwaspHtmlTemplateOutput(inner);
        o.setContext(context[0], context[1]);
        o.writeUserContent(value);
        o.writeUserContent((String) null);
        return inner.toString();
    }
}
