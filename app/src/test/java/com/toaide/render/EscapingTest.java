package com.toaide.render;

import static com.toaide.render.HostileInput.BREAKOUT;
import static com.toaide.render.HostileInput.SCRIPT;
import static com.toaide.render.HostileInput.SINGLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile snapshots: whatever the values, keys, ids and titles hold, the output carries no
 * markup of theirs. Each check runs over the published document and the editor markup.
 */
class EscapingTest {
    private static final PageContext CONTEXT = new PageContext(
            "https://pages.example.com/s/x", "https://pages.example.com/s/x/feed.xml", "https://example.com/",
            LocalDate.of(2026, 1, 2), PageContext.Credit.SHOWN);

    private final Renderer renderer = new Renderer();

    private List<String> outputs(Snapshot s) {
        return List.of(renderer.document(s, CONTEXT), renderer.editorBody(s), renderer.publishedBody(s));
    }

    private static final Pattern TAG_START = Pattern.compile("<[a-zA-Z]");
    private static final Pattern TAG = Pattern.compile("<([a-z][a-z0-9]*)((?:\\s+[a-z-]+(?:=\"[^\"]*\")?)*)\\s*>");
    private static final Pattern ATTR = Pattern.compile("\\s+([a-z-]+)(?:=\"([^\"]*)\")?");
    private static final List<String> TAGS = List.of("html", "head", "meta", "title", "link", "style", "body", "main",
            "footer", "div", "article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "p", "dl", "dt", "dd", "a",
            "time", "span", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "label", "input", "figure",
            "img", "figcaption");
    private static final List<String> ATTRS = List.of("class", "data-entity", "data-field", "data-type", "href", "rel",
            "src", "alt", "loading", "decoding", "datetime", "scope", "colspan", "type", "disabled", "checked", "role",
            "aria-label", "lang", "charset", "http-equiv", "content", "name", "property", "title");

    /**
     * Every tag in the output is well formed, one the templates write, with attributes the
     * templates write (so no event handler), and every href and src is an http(s) URL.
     */
    private static void assertNoLiveMarkup(String html) {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("vbscript:");
        Matcher starts = TAG_START.matcher(html);
        Matcher tag = TAG.matcher(html);
        while (starts.find()) {
            tag.region(starts.start(), html.length());
            assertThat(tag.lookingAt()).as("a well-formed tag at " + html.substring(starts.start(),
                    Math.min(html.length(), starts.start() + 80))).isTrue();
            assertThat(tag.group(1)).isIn(TAGS);
            Matcher attr = ATTR.matcher(tag.group(2));
            while (attr.find()) {
                assertThat(attr.group(1)).as(tag.group()).isIn(ATTRS);
                if (attr.group(1).equals("href") || attr.group(1).equals("src")) {
                    assertThat(attr.group(2)).matches("(?i)https?://.+");
                }
            }
        }
    }

    @Test
    void script_tags_in_values_and_titles_are_text() {
        Snapshot s = Snap.of().title(SCRIPT).page("p", SCRIPT)
                .add("c", "p", "card", "title", SCRIPT, "note", SCRIPT, "who", List.of(SCRIPT))
                .add("t", "p", "text", "text", SCRIPT)
                .add("m", "p", "metric", "value", SCRIPT, "label", SCRIPT).build();
        for (String html : outputs(s)) {
            assertNoLiveMarkup(html);
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void attribute_breakouts_in_values_stay_inside_their_attribute() {
        Snapshot s = Snap.of().page("p", BREAKOUT)
                .add("i", "p", "image", "src", "https://example.com/a.png", "alt", BREAKOUT + SINGLE, "caption", BREAKOUT)
                .add("c", "p", "card", "title", SINGLE, "x", BREAKOUT).build();
        for (String html : outputs(s)) {
            assertNoLiveMarkup(html);
        }
        assertThat(renderer.publishedBody(s)).contains("alt=\"&#34;>&lt;img src=x onerror=alert(1)>&#39; onmouseover=&#39;alert(1)\"");
    }

    @Test
    void quotes_and_markup_in_prop_keys_and_ids_are_escaped_in_text_and_in_data_attributes() {
        Snapshot s = HostileInput.keysAndIds();
        for (String html : outputs(s)) {
            assertNoLiveMarkup(html);
        }
        String editor = renderer.editorBody(s);
        assertThat(editor).contains("data-field=\"&#34;>&lt;img src=x onerror=alert(1)>\"");
        assertThat(editor).contains("data-entity=\"&#34;>&lt;img src=x onerror=alert(1)>\"");
        assertThat(editor).contains("data-field=\"&lt;script>alert(1)&lt;/script>\"");
    }

    @Test
    void javascript_urls_in_src_url_and_link_values_never_reach_an_href_or_src() {
        Snapshot s = Snap.of().page("p", "P")
                .add("i", "p", "image", "src", "javascript:alert(1)", "caption", "c")
                .add("u", "p", null, "url", "JaVaScRiPt:alert(1)")
                .add("d", "p", "image", "src", "data:image/svg+xml,<svg onload=alert(1)>")
                .add("c", "p", "card", "title", "T", "link", "javascript:alert(1)", "site", " javascript:alert(1)",
                        "href", "vbscript:msgbox(1)", "web", "https://ok.example/\" onclick=\"x").build();
        for (String html : outputs(s)) {
            assertThat(html).doesNotContainPattern("(?i)(href|src)=\"\\s*(javascript|vbscript|data):");
            assertThat(html).doesNotContainPattern("(?i)<a [^>]*onclick");
        }
        assertThat(renderer.publishedBody(s)).doesNotContain("<img");
    }

    @Test
    void css_in_styles_is_never_written_to_the_page() {
        Snapshot s = Snap.of().page("p", "P").add("c", "p", "card", "title", "T")
                .style("c", "color", "red;background:url(https://evil.example/x)", "background", "</style><script>x</script>",
                        "font_weight", "bold")
                .globalStyle("accent", "expression(alert(1))").build();
        for (String html : outputs(s)) {
            assertNoLiveMarkup(html);
            assertThat(html).doesNotContain("evil.example").doesNotContain("expression(");
        }
        assertThat(renderer.publishedBody(s)).contains("class=\"card s-highlight s-bold\"");
    }

    @Test
    void ten_thousand_character_values_render_whole_and_escaped() {
        String big = "<b>".repeat(3_333) + "x";
        Snapshot s = Snap.of().page("p", "P").add("t", "p", "text", "text", big).build();
        String html = renderer.publishedBody(s);
        assertThat(html).contains("&lt;b&gt;".repeat(3_333) + "x").doesNotContain("<b>");
    }

    @Test
    void nesting_twelve_deep_renders_every_level() {
        Snap snap = Snap.of().page("p", "P");
        String parent = "p";
        for (int i = 1; i <= 12; i++) {
            snap.add("n" + i, parent, "card", "title", "Level " + i + " " + SCRIPT);
            parent = "n" + i;
        }
        String html = renderer.publishedBody(snap.build());
        assertThat(html).contains("Level 12");
        assertNoLiveMarkup(html);
    }

    @Test
    void cycles_and_ids_listed_twice_render_each_entity_once_and_terminate() {
        Snap snap = Snap.of().page("p", "P").add("a", "p", "card", "title", "A").add("b", "a", "card", "title", "B");
        snap.children("b", "a", "b", "p");
        snap.children("p", "a", "a");
        String html = renderer.publishedBody(snap.build());
        assertThat(html.split("<h2>A</h2>", -1)).hasSize(2);
        assertThat(html.split("<h3>B</h3>", -1)).hasSize(2);
    }

    @Test
    void unexpected_json_shapes_in_props_render_as_nothing() {
        Snap snap = Snap.of().page("p", "P").add("c", "p", "card", "title", "T");
        ((ObjectNode) snap.json().get("entities").get("c").get("props")).putObject("obj").put("x", SCRIPT);
        String html = renderer.publishedBody(snap.build());
        assertThat(html).doesNotContain("alert");
    }
}
