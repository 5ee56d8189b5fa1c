package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Kernel;
import com.toaide.kernel.Result;
import com.toaide.kernel.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order, removal, relationships, styles and empty states. */
class StructureTest {
    private final Renderer renderer = new Renderer();

    private String body(Snapshot s) {
        return renderer.publishedBody(s);
    }

    private static void apply(Snapshot s, String event) {
        Result r = Kernel.apply(s, Snap.JSON.readTree(event));
        assertThat(r.accepted()).as(event + " " + r.reason()).isTrue();
    }

    @Test
    void children_render_in_children_order_not_creation_order() {
        Snapshot s = Snap.of().page("p", "P").add("a", "p", "card", "title", "First")
                .add("b", "p", "card", "title", "Second").add("c", "p", "card", "title", "Third")
                .children("p", "c", "a", "b").build();
        String html = body(s);
        assertThat(html.indexOf("Third")).isLessThan(html.indexOf("First"));
        assertThat(html.indexOf("First")).isLessThan(html.indexOf("Second"));
    }

    @Test
    void a_reorder_and_a_move_through_the_kernel_show_on_the_page() {
        Snapshot s = Snapshot.empty();
        apply(s, "{\"t\":\"entity.create\",\"id\":\"p\",\"display\":\"page\",\"p\":{\"title\":\"Trip\"}}");
        apply(s, "{\"t\":\"entity.create\",\"id\":\"days\",\"parent\":\"p\",\"display\":\"table\",\"p\":{\"title\":\"Days\"}}");
        for (String d : List.of("mon", "tue", "wed")) {
            apply(s, "{\"t\":\"entity.create\",\"id\":\"" + d + "\",\"parent\":\"days\",\"p\":{\"name\":\"" + d + "\"}}");
        }
        apply(s, "{\"t\":\"entity.reorder\",\"ref\":\"days\",\"children\":[\"wed\",\"mon\",\"tue\"]}");
        String html = body(s);
        assertThat(html.indexOf(">wed<")).isLessThan(html.indexOf(">mon<"));
        assertThat(html.indexOf(">mon<")).isLessThan(html.indexOf(">tue<"));

        apply(s, "{\"t\":\"entity.move\",\"ref\":\"tue\",\"parent\":\"days\",\"position\":0}");
        html = body(s);
        assertThat(html.indexOf(">tue<")).isLessThan(html.indexOf(">wed<"));
    }

    @Test
    void top_level_entities_follow_creation_order() {
        Snap snap = Snap.of().add("b", "root", "section", "title", "Made first").add("a", "root", "section", "title", "Made second");
        String html = body(snap.build());
        assertThat(html.indexOf("Made first")).isLessThan(html.indexOf("Made second"));
    }

    @Test
    void removed_entities_and_their_descendants_are_skipped() {
        Snapshot s = Snap.of().page("p", "P").add("a", "p", "card", "title", "Kept")
                .add("b", "p", "section", "title", "Dropped").add("c", "b", "card", "title", "Dropped child")
                .remove("b").remove("c").build();
        assertThat(body(s)).contains("Kept").doesNotContain("Dropped");
    }

    @Test
    void relationships_show_as_a_line_with_the_humanized_type_and_target_names() {
        Snapshot s = Snap.of().page("p", "P").add("mike", "p", "card", "name", "Mike")
                .add("food", "p", "section", "title", "Food")
                .add("salad", "food", "card", "title", "Potato salad").add("chips", "food", "card", "name", "Chips")
                .rel("mike", "salad", "bringing").rel("mike", "chips", "bringing").rel("mike", "food", "in_charge_of")
                .build();
        assertThat(body(s)).contains("<h2>Mike</h2><p class=\"rel\">Bringing: Potato salad, Chips</p>"
                + "<p class=\"rel\">In charge of: Food</p>");
    }

    @Test
    void links_to_removed_entities_are_not_shown() {
        Snapshot s = Snap.of().page("p", "P").add("mike", "p", "card", "name", "Mike")
                .add("salad", "p", "card", "title", "Potato salad").rel("mike", "salad", "bringing").remove("salad").build();
        assertThat(body(s)).doesNotContain("Bringing");
    }

    @Test
    void relationships_of_list_and_checklist_items_are_secondary_text() {
        Snapshot s = Snap.of().page("p", "P").add("k", "p", "checklist", "title", "Jobs")
                .add("j1", "k", null, "task", "Grill", "done", false).add("ann", "p", "card", "name", "Ann")
                .rel("j1", "ann", "assigned_to").build();
        assertThat(body(s)).contains("</label><span class=\"sec\">Assigned to: Ann</span></li>");
    }

    @Test
    void styles_become_a_fixed_set_of_classes() {
        Snapshot s = Snap.of().page("p", "P")
                .add("a", "p", "card", "title", "A").style("a", "highlight", true)
                .add("b", "p", "card", "title", "B").style("b", "color", "Grey", "font_weight", "bold")
                .add("c", "p", "card", "title", "C", "styles", List.of("muted", "blue"))
                .add("d", "p", "card", "title", "D").style("d", "color", "#ff0000", "size", "huge")
                .add("t", "p", "table").add("r", "t", null, "name", "Row").style("r", "bg_color", "yellow")
                .globalStyle("accent", "purple").build();
        String html = body(s);
        assertThat(html).contains("<div class=\"aide a-purple\">")
                .contains("<div class=\"card s-highlight\"><h2>A</h2>")
                .contains("<div class=\"card s-bold s-tone s-gray\"><h2>B</h2>")
                .contains("<div class=\"card s-muted s-tone s-blue\"><h2>C</h2>")
                .contains("<div class=\"card\"><h2>D</h2>")
                .contains("<tr class=\"s-highlight\">")
                .doesNotContain("ff0000").doesNotContain("huge").doesNotContain("style=");
    }

    @Test
    void every_class_the_renderer_writes_is_styled_by_the_page_css_or_names_a_display() {
        List<String> displays = List.of("page", "section", "text", "tbl", "chk", "lst", "img", "grid");
        String html = renderer.editorBody(Samples.pokerLeague()) + body(Snap.of().page("p", "P")
                .add("c", "p", "card", "title", "C").style("c", "color", "red", "highlight", true, "muted", true, "bold", true)
                .add("e", "p", "section", "title", "Empty").build());
        var m = java.util.regex.Pattern.compile("class=\"([^\"]*)\"").matcher(html);
        String css = renderer.pageCss();
        while (m.find()) {
            for (String cls : m.group(1).split(" ")) {
                if (displays.contains(cls)) {
                    continue;
                }
                assertThat(css).as(cls).containsPattern("\\." + java.util.regex.Pattern.quote(cls) + "[^a-z0-9-]");
            }
        }
    }

    @Test
    void empty_containers_say_no_items_yet_in_the_editor_and_are_left_out_of_the_published_page() {
        Snapshot s = Snap.of().page("p", "P").add("s", "p", "section", "title", "Schedule")
                .add("t", "p", "table", "title", "Roster").add("k", "p", "checklist", "title", "Jobs")
                .add("l", "p", "list", "title", "Links").add("x", "p", "text", "text", "Bring snacks").build();
        String editor = renderer.editorBody(s);
        assertThat(editor.split("<p class=\"empty\">No items yet.</p>", -1)).hasSize(5);
        assertThat(editor).contains("Schedule", "Roster", "Jobs", "Links").doesNotContain("<table").doesNotContain("0 of 0");

        assertThat(body(s)).contains("<h2>Schedule</h2>", "<h2>Roster</h2>", "<h2>Jobs</h2>", "<h2>Links</h2>", "Bring snacks")
                .doesNotContain("No items yet.").doesNotContain("class=\"empty\"").doesNotContain("<table")
                .doesNotContain("<ul").doesNotContain("0 of 0");
    }

    @Test
    void blocks_that_show_nothing_and_sections_holding_only_such_blocks_are_left_out_of_the_published_page() {
        Snapshot s = Snap.of().page("p", "P").add("x", "p", "text", "text", "")
                .add("c", "p", "card").add("i", "p", "image", "src", "")
                .add("m", "p", "metric", "value", "").add("g", "p", "grid")
                .add("outer", "p", "section").add("inner", "outer", "list")
                .add("kept", "p", "text", "text", "Kept").build();
        String published = body(s);
        assertThat(published).contains("Kept").doesNotContain("data-entity").doesNotContain("<section")
                .doesNotContain("class=\"lst")
                .doesNotContain("class=\"empty\"").doesNotContain("class=\"card").doesNotContain("class=\"metric").doesNotContain("class=\"grid")
                .doesNotContain("<p class=\"txt\"></p>");
        assertThat(renderer.editorBody(s)).contains("data-entity=\"outer\"", "data-entity=\"inner\"", "data-entity=\"c\"",
                "data-entity=\"m\"", "No items yet.");
    }

    @Test
    void an_empty_container_with_fields_keeps_them_without_a_placeholder() {
        Snapshot s = Snap.of().page("p", "P").add("t", "p", "table", "title", "Roster", "coach", "Linda").build();
        assertThat(body(s)).contains("Roster", "Linda").doesNotContain("No items yet.").doesNotContain("<table")
                .doesNotContain("<ul");
    }

    @Test
    void an_empty_page_and_an_empty_aide_say_nothing_here_yet_only_in_the_editor() {
        assertThat(renderer.editorBody(Snap.of().page("p", "P").build()))
                .contains("<h1 data-entity=\"p\" data-field=\"title\" data-type=\"string\">P</h1>\n<p class=\"empty\">Nothing here yet.</p>");
        assertThat(EditorMarkupTest.strip(renderer.editorBody(Snapshot.empty())))
                .isEqualTo("<div class=\"aide\">\n<p class=\"empty\">Nothing here yet.</p></div>");
        assertThat(body(Snap.of().page("p", "P").build())).contains("<h1>P</h1>").doesNotContain("Nothing here yet.");
        assertThat(body(Snapshot.empty())).isEqualTo("<div class=\"aide\">\n</div>");
    }

    @Test
    void a_removed_page_leaves_an_empty_aide() {
        Snapshot s = Snap.of().page("p", "P").remove("p").build();
        assertThat(renderer.editorBody(s)).contains("Nothing here yet.").doesNotContain("<h1");
        assertThat(body(s)).doesNotContain("<h1");
    }

    @Test
    void a_page_whose_published_body_would_show_nothing_publishes_nothing() {
        assertThat(renderer.publishesNothing(Snapshot.empty())).isTrue();
        assertThat(renderer.publishesNothing(Snap.of().title("Trip").add("t", "root", "table").add("s", "root", "section").build()))
                .isTrue();
        assertThat(renderer.publishesNothing(Snap.of().page("p", "P").build())).isFalse();
        assertThat(renderer.publishesNothing(Snap.of().add("x", "root", "text", "text", "Hello").build())).isFalse();
    }
}
