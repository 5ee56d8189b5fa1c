package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EditorMarkupTest {
    private static final Pattern EDITING = Pattern.compile(" data-(?:entity|field|type)=\"[^\"]*\"");

    private final Renderer renderer = new Renderer();

    /** The editor markup without its editing attributes: what the published body must be. */
    static String strip(String editor) {
        return EDITING.matcher(editor).replaceAll("");
    }

    @Test
    void the_published_body_is_the_editor_body_without_its_editing_attributes() {
        for (Snapshot s : List.of(Samples.pokerLeague(), Pages.typical(200))) {
            String editor = renderer.editorBody(s);
            assertThat(editor).contains("data-entity=");
            assertThat(strip(editor)).isEqualTo(renderer.publishedBody(s));
        }
    }

    @Test
    void the_editor_keeps_the_empty_blocks_and_placeholders_the_published_body_leaves_out() {
        Snapshot s = Snap.of().title("No page").add("s", "root", "section", "title", "Alone").build();
        assertThat(strip(renderer.editorBody(s)))
                .isEqualTo("<div class=\"aide\"><h1>No page</h1>\n<section class=\"section\"><h2>Alone</h2>\n"
                        + "<p class=\"empty\">No items yet.</p></section>\n</div>");
        assertThat(renderer.publishedBody(s))
                .isEqualTo("<div class=\"aide\"><h1>No page</h1>\n<section class=\"section\"><h2>Alone</h2>\n</section>\n</div>");
    }

    @Test
    void the_published_body_has_no_editing_attributes() {
        assertThat(renderer.publishedBody(Samples.pokerLeague())).doesNotContain("data-");
    }

    @Test
    void every_entity_root_element_carries_its_id() {
        Snapshot s = Samples.pokerLeague();
        String editor = renderer.editorBody(s);
        for (String id : List.of("page", "intro", "stats", "m_games", "next", "roster", "p_mike", "snacks", "s1",
                "rules", "r1", "photo", "board")) {
            assertThat(editor).containsPattern("<(article|section|div|tr|li) class=\"[^\"]*\" data-entity=\"" + id + "\">|"
                    + "<(tr|li) data-entity=\"" + id + "\">");
        }
    }

    @Test
    void every_shown_value_is_marked_with_entity_field_and_type() {
        String editor = renderer.editorBody(Samples.pokerLeague());
        assertThat(editor)
                .contains("<h1 data-entity=\"page\" data-field=\"title\" data-type=\"string\">Thursday Poker League</h1>")
                .contains("<dd data-entity=\"next\" data-field=\"date\" data-type=\"date\"><time datetime=\"2026-05-22\">")
                .contains("<td class=\"num\" data-entity=\"p_dave\" data-field=\"wins\" data-type=\"number\">5</td>")
                .contains("<input type=\"checkbox\" disabled checked data-entity=\"s1\" data-field=\"done\" data-type=\"boolean\">")
                .contains("<span data-entity=\"s2\" data-field=\"task\" data-type=\"string\">Salsa</span>")
                .contains("<span class=\"v\" data-entity=\"m_games\" data-field=\"value\" data-type=\"number\">9</span>")
                .contains("<p class=\"txt\" data-entity=\"intro\" data-field=\"text\" data-type=\"string\">")
                .contains("data-entity=\"photo\" data-field=\"src\" data-type=\"string\">")
                .contains("<td data-entity=\"cell_1_1\" data-field=\"value\" data-type=\"string\">Dave</td>");
    }

    @Test
    void empty_table_cells_are_editable_with_the_type_of_their_column() {
        String editor = renderer.editorBody(Snap.of().page("p", "P").add("t", "p", "table")
                .add("a", "t", null, "name", "Ann", "age", 30).add("b", "t", null, "name", "Bob").build());
        assertThat(editor).contains("<td class=\"num\" data-entity=\"b\" data-field=\"age\" data-type=\"number\"></td>");
    }

    @Test
    void every_shown_relationship_is_marked_with_its_source_and_type_for_the_picker() {
        Snapshot s = Snap.of().page("p", "P").add("games", "p", "table")
                .add("g1", "games", null, "place", "Garage").add("g2", "games", null, "place", "Den")
                .add("people", "p", "list").add("ann", "people", null, "name", "Ann")
                .add("c", "p", "card", "title", "Night").rel("g1", "ann", "hosted_by").rel("ann", "g1", "hosts")
                .rel("c", "ann", "run_by").build();
        String editor = renderer.editorBody(s);
        assertThat(editor)
                .contains("<td data-entity=\"g1\" data-field=\"hosted_by\" data-type=\"rel\">Ann</td>")
                .contains("<td data-entity=\"g2\" data-field=\"hosted_by\" data-type=\"rel\"></td>")
                .contains("<span class=\"sec\" data-entity=\"ann\" data-field=\"hosts\" data-type=\"rel\">Hosts: Garage</span>")
                .contains("<p class=\"rel\" data-entity=\"c\" data-field=\"run_by\" data-type=\"rel\">Run by: Ann</p>");
        assertThat(strip(editor)).isEqualTo(renderer.publishedBody(s));
    }

    @Test
    void a_linked_row_is_named_by_the_first_column_its_table_shows_not_by_stored_key_order() {
        // Stored key order puts "site" first, as the database does (shortest key first).
        Snapshot s = Snap.of().page("p", "P")
                .add("games", "p", "table", "_show_fields", List.of("place", "site"))
                .add("g1", "games", null, "site", "https://example.org", "place", "The garage")
                .add("trips", "p", "table", "_hide_fields", List.of("code"))
                .add("t1", "trips", null, "code", "X1", "city", "Lyon")
                .add("people", "p", "table").add("ann", "people", null, "player", "Ann")
                .rel("ann", "g1", "hosts").rel("ann", "t1", "went_on").build();
        assertThat(renderer.editorBody(s))
                .contains("data-entity=\"ann\" data-field=\"hosts\" data-type=\"rel\">The garage</td>")
                .contains("data-entity=\"ann\" data-field=\"went_on\" data-type=\"rel\">Lyon</td>");
    }

    @Test
    void a_checkbox_keyed_checked_is_edited_as_checked() {
        String editor = renderer.editorBody(Snap.of().page("p", "P").add("k", "p", "checklist")
                .add("a", "k", null, "label", "Tent", "checked", false).build());
        assertThat(editor).contains("data-entity=\"a\" data-field=\"checked\" data-type=\"boolean\"");
    }

    @Test
    void one_entity_renders_as_the_same_markup_it_has_in_the_page() {
        Snapshot s = Samples.pokerLeague();
        for (boolean editor : List.of(true, false)) {
            String page = editor ? renderer.editorBody(s) : renderer.publishedBody(s);
            for (String id : List.of("next", "roster", "snacks", "stats", "board", "page")) {
                Renderer.Fragment f = renderer.entity(s, id, editor).orElseThrow();
                assertThat(f.entity()).isEqualTo(id);
                assertThat(page).contains(f.html());
            }
        }
        assertThat(renderer.entity(s, "next", true).orElseThrow().html())
                .startsWith("<div class=\"card s-highlight\" data-entity=\"next\"><h2 ");
    }

    @Test
    void a_row_item_or_cell_patches_the_block_that_shows_it() {
        Snapshot s = Samples.pokerLeague();
        assertThat(renderer.entity(s, "p_mike", true).orElseThrow().entity()).isEqualTo("roster");
        assertThat(renderer.entity(s, "s2", true).orElseThrow().entity()).isEqualTo("snacks");
        assertThat(renderer.entity(s, "cell_0_0", true).orElseThrow().entity()).isEqualTo("board");
    }

    @Test
    void a_removed_entity_patches_its_parent_and_an_unknown_one_asks_for_the_page() {
        Snapshot s = Snap.of().page("p", "P").add("sec", "p", "section", "title", "S")
                .add("c", "sec", "card", "title", "Gone").remove("c").build();
        Renderer.Fragment f = renderer.entity(s, "c", true).orElseThrow();
        assertThat(f.entity()).isEqualTo("sec");
        assertThat(f.html()).doesNotContain("Gone").contains("No items yet.");
        assertThat(renderer.entity(s, "never", true)).isEmpty();
    }

    @Test
    void editing_attributes_are_all_quoted_and_typed() {
        Matcher m = Pattern.compile("data-type=\"([^\"]*)\"").matcher(renderer.editorBody(Pages.typical(200)));
        int n = 0;
        while (m.find()) {
            assertThat(m.group(1)).isIn("string", "number", "boolean", "date", "rel");
            n++;
        }
        assertThat(n).isGreaterThan(200);
    }
}
