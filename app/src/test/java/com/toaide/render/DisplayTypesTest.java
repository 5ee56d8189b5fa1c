package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayTypesTest {
    private final Renderer renderer = new Renderer();

    private String body(Snapshot s) {
        return renderer.publishedBody(s);
    }

    @Test
    void a_page_is_an_h1_from_its_title_then_its_children() {
        String html = body(Snap.of().page("p", "Grad party").add("t", "p", "text", "text", "Saturday in the yard").build());
        assertThat(html).contains("<article class=\"page\"><h1>Grad party</h1>");
        assertThat(html.indexOf("<h1>")).isLessThan(html.indexOf("Saturday in the yard"));
    }

    @Test
    void a_page_without_title_uses_its_name() {
        assertThat(body(Snap.of().add("p", "root", "page", "name", "Trip").build())).contains("<h1>Trip</h1>");
    }

    @Test
    void a_section_is_a_section_element_with_an_h2() {
        String html = body(Snap.of().page("p", "P").add("s", "p", "section", "title", "Schedule")
                .add("c", "s", "card", "title", "Kickoff").build());
        assertThat(html).contains("<section class=\"section\"><h2>Schedule</h2>").contains("<h3>Kickoff</h3>");
    }

    @Test
    void a_card_shows_its_title_then_the_other_props_as_a_definition_list() {
        String html = body(Snap.of().page("p", "P")
                .add("c", "p", "card", "name", "Mike", "traveling_from", "Boston", "seats", 2).build());
        assertThat(html).contains("<div class=\"card\"><h2>Mike</h2><dl>"
                + "<dt>Traveling from</dt><dd>Boston</dd><dt>Seats</dt><dd class=\"num\">2</dd></dl></div>");
    }

    @Test
    void a_table_has_a_header_of_the_union_of_child_keys_and_a_row_per_child() {
        String html = body(Snap.of().page("p", "P").add("t", "p", "table", "title", "Roster")
                .add("a", "t", null, "name", "Ann", "role", "Keeper")
                .add("b", "t", null, "name", "Bob", "phone", "555-0101").build());
        assertThat(html).contains("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th>"
                + "<th scope=\"col\">Phone</th></tr></thead>");
        assertThat(html).contains("<tr><th scope=\"row\">Ann</th><td>Keeper</td><td></td></tr>");
        assertThat(html).contains("<tr><th scope=\"row\">Bob</th><td></td><td>555-0101</td></tr>");
        assertThat(html).contains("<h2>Roster</h2>");
    }

    @Test
    void a_checklist_has_disabled_checkboxes_labels_and_a_done_summary() {
        String html = body(Snap.of().page("p", "P").add("k", "p", "checklist", "title", "Packing")
                .add("a", "k", null, "task", "Tent", "done", true)
                .add("b", "k", null, "label", "Stove", "checked", false)
                .add("c", "k", null, "name", "Maps", "done", true).build());
        assertThat(html).contains("<li class=\"done\"><label><input type=\"checkbox\" disabled checked> "
                + "<span>Tent</span></label></li>");
        assertThat(html).contains("<li><label><input type=\"checkbox\" disabled> <span>Stove</span></label></li>");
        assertThat(html).contains("<p class=\"sum\">2 of 3 done</p>");
    }

    @Test
    void a_list_shows_the_name_first_and_other_props_as_secondary_text() {
        String html = body(Snap.of().page("p", "P").add("l", "p", "list", "title", "Contacts")
                .add("a", "l", null, "phone", "555-0101", "name", "Ann", "city", "Austin").build());
        assertThat(html).contains("<ul class=\"ls\">\n<li><span class=\"p\">Ann</span><span class=\"sec\">555-0101</span>"
                + "<span class=\"sec\">Austin</span></li>");
    }

    @Test
    void a_metric_is_a_big_value_with_its_label() {
        String html = body(Snap.of().page("p", "P").add("m", "p", "metric", "count", 14, "name", "RSVPs").build());
        assertThat(html).contains("<div class=\"metric\"><span class=\"v\">14</span><span class=\"l\">RSVPs</span></div>");
    }

    @Test
    void a_text_is_a_paragraph_from_text_content_or_body() {
        assertThat(body(Snap.of().page("p", "P").add("t", "p", "text", "content", "Bring a chair.").build()))
                .contains("<p class=\"txt\">Bring a chair.</p>");
        assertThat(body(Snap.of().page("p", "P").add("t", "p", "text", "body", "Parking is free.").build()))
                .contains("<p class=\"txt\">Parking is free.</p>");
    }

    @Test
    void an_image_is_a_lazy_img_with_alt_and_caption() {
        String html = body(Snap.of().page("p", "P")
                .add("i", "p", "image", "src", "https://example.com/a.jpg", "alt", "The lake", "caption", "Day one").build());
        assertThat(html).contains("<img src=\"https://example.com/a.jpg\" alt=\"The lake\" loading=\"lazy\" decoding=\"async\">");
        assertThat(html).contains("<figcaption>Day one</figcaption>");
    }

    @Test
    void an_image_that_is_not_http_is_not_rendered() {
        String html = body(Snap.of().page("p", "P").add("i", "p", "image", "src", "ftp://example.com/a.jpg").build());
        assertThat(html).doesNotContain("<img").doesNotContain("ftp:");
    }

    @Test
    void a_grid_places_cells_by_their_ids_under_row_and_column_labels() {
        String html = body(Snap.of().page("p", "P")
                .add("g", "p", "grid", "_rows", 2, "_cols", 2, "_row_labels", List.of("1", "2"), "_col_labels", List.of("A", "B"))
                .add("cell_1_0", "g", null, "value", "X")
                .add("cell_0_1", "g", null, "value", "O").build());
        assertThat(html).contains("<thead><tr><td></td><th scope=\"col\">A</th><th scope=\"col\">B</th></tr></thead>");
        assertThat(html).contains("<tr><th scope=\"row\">1</th><td></td><td>O</td></tr>");
        assertThat(html).contains("<tr><th scope=\"row\">2</th><td>X</td><td></td></tr>");
    }

    @Test
    void a_grid_without_labels_takes_its_size_from_the_cells_and_labels_from_meta() {
        String html = body(Snap.of().meta("col_labels", List.of("Mon", "Tue")).page("p", "P")
                .add("g", "p", "grid")
                .add("cell_0_0", "g", null, "text", "Swim")
                .add("cell_0_1", "g", null, "text", "Run").build());
        assertThat(html).contains("<th scope=\"col\">Mon</th><th scope=\"col\">Tue</th>");
        assertThat(html).contains("<tr><td>Swim</td><td>Run</td></tr>");
    }

    @Test
    void a_hostile_grid_size_is_capped() {
        String html = body(Snap.of().page("p", "P").add("g", "p", "grid", "_rows", 100000000, "_cols", 100000000).build());
        assertThat(html.split("<tr>", -1).length - 1).isEqualTo(GridLayout.MAX_GRID);
    }

    @Test
    void an_unknown_display_renders_as_a_card_and_display_is_case_insensitive() {
        assertThat(body(Snap.of().page("p", "P").add("x", "p", "Carousel", "title", "Hi").build()))
                .contains("<div class=\"card\"><h2>Hi</h2>");
        assertThat(body(Snap.of().add("p", "root", "PAGE", "title", "Loud").build())).contains("<h1>Loud</h1>");
    }

    @Test
    void headings_follow_the_nesting_and_stop_at_h6() {
        Snap s = Snap.of().page("p", "P");
        String parent = "p";
        for (int i = 0; i < 8; i++) {
            s.add("s" + i, parent, "section", "title", "Level " + i);
            parent = "s" + i;
        }
        String html = body(s.build());
        assertThat(html).contains("<h2>Level 0</h2>").contains("<h5>Level 3</h5>").contains("<h6>Level 4</h6>")
                .contains("<h6>Level 7</h6>").doesNotContain("<h7");
    }

    @Test
    void top_level_entities_without_a_page_get_an_h1_from_the_meta_title() {
        String html = body(Snap.of().title("Reno").add("s", "root", "section", "title", "Kitchen").build());
        assertThat(html).contains("<h1>Reno</h1>").contains("<h2>Kitchen</h2>");
    }

    @Test
    void props_starting_with_an_underscore_are_never_shown() {
        String html = body(Snap.of().page("p", "P").add("c", "p", "card", "title", "T", "_secret_hint", "zzz").build());
        assertThat(html).doesNotContain("zzz").doesNotContain("Secret");
    }
}
