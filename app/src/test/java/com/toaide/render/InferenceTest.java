package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import org.junit.jupiter.api.Test;

/** The renderer's ordered display rules ({@link DisplayRules}), one by one and where they compete. */
class InferenceTest {

    private static Display infer(Snapshot s, String id) {
        return DisplayRules.infer(s, s.entity(id));
    }

    private static Display only(Object... props) {
        return infer(Snap.of().add("e", "root", null, props).build(), "e");
    }

    @Test
    void an_explicit_display_wins_over_every_rule() {
        assertThat(infer(Snap.of().add("e", "root", "list", "src", "https://x.example/a.png").build(), "e"))
                .isEqualTo(Display.LIST);
    }

    @Test
    void an_explicit_display_is_lower_cased_and_unknown_ones_are_cards() {
        assertThat(infer(Snap.of().add("e", "root", " Table ").build(), "e")).isEqualTo(Display.TABLE);
        assertThat(infer(Snap.of().add("e", "root", "kanban").build(), "e")).isEqualTo(Display.CARD);
    }

    @Test
    void src_or_url_makes_an_image() {
        assertThat(only("src", "https://x.example/a.png", "title", "A")).isEqualTo(Display.IMAGE);
        assertThat(only("url", "https://x.example", "name", "Venue", "done", true)).isEqualTo(Display.IMAGE);
    }

    @Test
    void a_boolean_done_or_checked_makes_a_card_before_the_metric_rule() {
        assertThat(only("task", "Chips", "done", false)).isEqualTo(Display.CARD);
        assertThat(only("value", 3, "checked", true)).isEqualTo(Display.CARD);
    }

    @Test
    void a_done_that_is_not_boolean_does_not_count() {
        assertThat(only("value", 3, "done", "yes")).isEqualTo(Display.METRIC);
    }

    @Test
    void value_or_count_with_at_most_three_visible_props_makes_a_metric() {
        assertThat(only("value", 42, "label", "Guests", "unit", "people")).isEqualTo(Display.METRIC);
        assertThat(only("count", 7, "label", "Games", "_hint", 1, "_other", 2)).isEqualTo(Display.METRIC);
        assertThat(only("value", 42, "label", "Guests", "unit", "people", "note", "so far")).isEqualTo(Display.CARD);
    }

    @Test
    void only_a_text_prop_makes_a_text() {
        assertThat(only("text", "Hello")).isEqualTo(Display.TEXT);
        assertThat(only("text", "Hello", "_x", 1)).isEqualTo(Display.TEXT);
        assertThat(only("text", "Hello", "author", "Ann")).isEqualTo(Display.CARD);
    }

    @Test
    void live_children_make_a_checklist_when_the_first_child_has_a_boolean_done() {
        Snapshot s = Snap.of().add("e", "root", null, "title", "Todo")
                .add("a", "e", null, "task", "One", "done", false)
                .add("b", "e", null, "task", "Two").build();
        assertThat(infer(s, "e")).isEqualTo(Display.CHECKLIST);
    }

    @Test
    void live_children_without_done_make_a_table() {
        Snapshot s = Snap.of().add("e", "root", null, "title", "Roster")
                .add("a", "e", null, "name", "Ann").build();
        assertThat(infer(s, "e")).isEqualTo(Display.TABLE);
    }

    @Test
    void a_removed_first_child_does_not_decide_the_display() {
        Snapshot s = Snap.of().add("e", "root", null, "title", "Todo")
                .add("a", "e", null, "name", "Gone")
                .add("b", "e", null, "task", "Live", "checked", true)
                .remove("a").build();
        assertThat(infer(s, "e")).isEqualTo(Display.CHECKLIST);
    }

    @Test
    void only_removed_children_leave_a_card() {
        Snapshot s = Snap.of().add("e", "root", null, "title", "Todo")
                .add("a", "e", null, "name", "Gone").remove("a").build();
        assertThat(infer(s, "e")).isEqualTo(Display.CARD);
    }

    @Test
    void anything_else_is_a_card() {
        assertThat(only("name", "Ann", "phone", "555")).isEqualTo(Display.CARD);
        assertThat(only()).isEqualTo(Display.CARD);
    }
}
