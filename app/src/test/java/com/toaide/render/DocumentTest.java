package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentTest {
    private static final PageContext FREE = new PageContext("https://pages.example.com/s/poker",
            "https://pages.example.com/s/poker/feed.xml", "https://example.com/", LocalDate.of(2026, 2, 12),
            PageContext.Credit.SHOWN);
    private static final PageContext PRO = new PageContext(FREE.canonicalUrl(), FREE.feedUrl(), FREE.landingUrl(),
            FREE.updated(), PageContext.Credit.HIDDEN);

    private final Renderer renderer = new Renderer();

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void the_document_has_doctype_lang_charset_viewport_and_title() {
        String html = renderer.document(Samples.pokerLeague(), FREE);
        assertThat(html).startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">");
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        assertThat(html).contains("<title>Thursday Poker League</title>");
        assertThat(html).endsWith("</html>\n");
    }

    @Test
    void the_csp_is_exactly_the_one_of_the_spec() {
        assertThat(renderer.document(Samples.pokerLeague(), FREE)).contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                        + "img-src https: data:; base-uri 'none'; form-action 'none'\">");
    }

    @Test
    void link_previews_get_description_canonical_open_graph_twitter_and_the_feed() {
        String html = renderer.document(Samples.pokerLeague(), FREE);
        String description = "Games every other Thursday at 7. Buy-in is $20; bring something to share.";
        assertThat(html)
                .contains("<meta name=\"description\" content=\"" + description + "\">")
                .contains("<link rel=\"canonical\" href=\"https://pages.example.com/s/poker\">")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Changes\" "
                        + "href=\"https://pages.example.com/s/poker/feed.xml\">")
                .contains("<meta property=\"og:title\" content=\"Thursday Poker League\">")
                .contains("<meta property=\"og:description\" content=\"" + description + "\">")
                .contains("<meta property=\"og:url\" content=\"https://pages.example.com/s/poker\">")
                .contains("<meta property=\"og:image\" content=\"https://example.com/table.jpg\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("<meta name=\"twitter:title\" content=\"Thursday Poker League\">")
                .contains("<meta name=\"twitter:description\" content=\"" + description + "\">");
    }

    @Test
    void without_text_the_description_lists_the_parts_of_the_page() {
        Snapshot s = Snap.of().page("p", "Reno").add("a", "p", "section", "title", "Kitchen")
                .add("b", "p", "section", "title", "Bath").build();
        assertThat(renderer.document(s, FREE)).contains("<meta name=\"description\" content=\"Kitchen · Bath\">");
    }

    @Test
    void a_page_description_prop_wins_and_long_descriptions_are_cut() {
        Snapshot s = Snap.of().add("p", "root", "page", "title", "Trip", "description", "word ".repeat(80))
                .add("t", "p", "text", "text", "Other").build();
        String html = renderer.document(s, FREE);
        String meta = html.substring(html.indexOf("<meta name=\"description\""));
        meta = meta.substring(0, meta.indexOf('>'));
        assertThat(meta).contains("word word").contains("…");
        assertThat(meta.length()).isLessThan(PageFacts.DESCRIPTION_LENGTH + 50);
    }

    @Test
    void there_is_no_javascript_and_no_third_party_request() {
        String html = renderer.document(Samples.pokerLeague(), FREE);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("@import").doesNotContain("@font-face").doesNotContain("url(");
        assertThat(html).containsOnlyOnce("<style>").doesNotContain("<link rel=\"stylesheet\"");
    }

    @Test
    void the_stylesheet_has_dark_mode_print_and_a_system_font_stack() {
        String css = renderer.pageCss();
        assertThat(css).contains("prefers-color-scheme:dark").contains("@media print").contains("system-ui");
        assertThat(renderer.document(Snapshot.empty(), FREE)).contains("<style>" + css + "</style>");
    }

    @Test
    void the_free_tier_footer_says_updated_and_maintained_with_aide() {
        String html = renderer.document(Samples.pokerLeague(), FREE);
        assertThat(html).contains("<footer class=\"foot\"><p>Updated <time datetime=\"2026-02-12\">Feb 12, 2026</time></p>"
                + "<p><a href=\"https://example.com/\">Maintained with AIde</a></p></footer>");
    }

    @Test
    void the_pro_tier_footer_only_says_updated() {
        String html = renderer.document(Samples.pokerLeague(), PRO);
        assertThat(html).contains("Updated <time datetime=\"2026-02-12\">Feb 12, 2026</time>").doesNotContain("Maintained with");
    }

    @Test
    void missing_urls_and_date_leave_their_tags_out() {
        String html = renderer.document(Samples.pokerLeague(), new PageContext(null, null, null, null, null));
        assertThat(html).doesNotContain("rel=\"canonical\"").doesNotContain("og:url").doesNotContain("atom+xml")
                .doesNotContain("Updated").contains("<p>Maintained with AIde</p>");
    }

    @Test
    void the_published_body_is_inside_main() {
        Snapshot s = Samples.pokerLeague();
        assertThat(renderer.document(s, FREE)).contains("<main>\n" + renderer.publishedBody(s) + "\n</main>");
    }

    @Test
    void the_shell_of_an_empty_page_stays_under_6_kb() {
        String html = renderer.document(Snapshot.empty(), FREE);
        assertThat(html).doesNotContain("Nothing here yet.").contains("<title>Untitled</title>");
        assertThat(bytes(html)).isLessThan(6 * 1024);
    }

    @Test
    void a_200_entity_page_stays_under_60_kb() {
        Snapshot s = Pages.typical(200);
        assertThat(s.entityCount()).isEqualTo(200);
        String html = renderer.document(s, FREE);
        assertThat(bytes(html)).isLessThan(60 * 1024);
    }

    @Test
    void a_1000_entity_page_stays_under_150_kb() {
        assertThat(bytes(renderer.document(Pages.typical(1000), FREE))).isLessThan(150 * 1024);
    }

    @Test
    void headings_never_skip_a_level_going_down() {
        String html = renderer.document(Pages.typical(200), FREE);
        var m = java.util.regex.Pattern.compile("<h([1-6])").matcher(html);
        int last = 0;
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            assertThat(level).isLessThanOrEqualTo(last + 1);
            last = level;
        }
        assertThat(last).isPositive();
    }
}
