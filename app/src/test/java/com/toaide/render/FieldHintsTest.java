package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cards, lists and checklists honour `_show_fields` / `_hide_fields` for the fields they show
 * (a card's own, a list item's secondary ones, link lines included), and every block that can
 * hold money shows a `_kinds` money field as money.
 */
class FieldHintsTest {
    private final Renderer renderer = new Renderer();

    private String published(Snap s) {
        return renderer.publishedBody(s.build());
    }

    private static List<String> matches(String regex, String html) {
        return Pattern.compile(regex).matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static List<String> cardFields(String html) {
        return matches("<dt>([^<]*)</dt>", html);
    }

    private static List<String> secondary(String html) {
        return matches("<span class=\"sec[^\"]*\">([^<]*)</span>", html);
    }

    private Snap card(Object... hints) {
        Object[] props = new Object[hints.length + 8];
        System.arraycopy(new Object[] {"title", "Venue", "address", "1 Main St", "phone", "555-1", "host", "Dee"}, 0, props, 0, 8);
        System.arraycopy(hints, 0, props, 8, hints.length);
        return Snap.of().page("p", "P").add("c", "p", "card", props);
    }

    @Test
    void a_card_shows_its_fields_in_the_hinted_order_and_hides_hidden_ones() {
        assertThat(cardFields(published(card()))).containsExactly("Address", "Phone", "Host");
        assertThat(cardFields(published(card("_show_fields", List.of("host", "address"))))).containsExactly("Host", "Address");
        assertThat(cardFields(published(card("_hide_fields", List.of("phone"))))).containsExactly("Address", "Host");
        // The title is the heading, never a field, even when listed; unknown and hint keys show nothing.
        assertThat(cardFields(published(card("_show_fields", List.of("title", "nope", "_kinds", "phone", "phone")))))
                .containsExactly("Phone");
    }

    private Snap list(String display, Object... hints) {
        Object[] props = new Object[hints.length + 2];
        props[0] = "title";
        props[1] = "Guests";
        System.arraycopy(hints, 0, props, 2, hints.length);
        boolean checklist = display.equals("checklist");
        return Snap.of().page("p", "P").add("l", "p", display, props)
                .add("a", "l", null, checklist ? "task" : "name", "Ann", "dish", "Salad", "seats", 2, "done", false)
                .add("b", "l", null, checklist ? "task" : "name", "Bob", "seats", 3, "dish", "Pie", "done", true)
                .add("dave", "p", "card", "title", "Dave")
                .rel("a", "dave", "driven_by");
    }

    @Test
    void list_and_checklist_items_show_secondary_fields_in_the_hinted_order() {
        for (String display : List.of("list", "checklist")) {
            assertThat(published(list(display))).contains("Driven by");
            String shown = published(list(display, "_show_fields", List.of("seats", "dish")));
            assertThat(secondary(shown)).as(display).startsWith("2", "Salad", "3", "Pie");
            assertThat(shown).as(display).doesNotContain("Driven by");
            String hidden = published(list(display, "_hide_fields", List.of("dish", "driven_by")));
            assertThat(secondary(hidden)).as(display).doesNotContain("Salad", "Pie").contains("2", "3");
            assertThat(hidden).as(display).doesNotContain("Driven by");
            // An empty list hides every field but the name or task; a null one is no hint.
            assertThat(secondary(published(list(display, "_show_fields", List.of())))).as(display).isEmpty();
            assertThat(secondary(published(list(display, "_show_fields", null)))).as(display).contains("Salad", "Pie");
            // A link type listed in _show_fields keeps its line.
            assertThat(published(list(display, "_show_fields", List.of("driven_by")))).as(display).contains("Driven by").doesNotContain("Salad");
        }
    }

    @Test
    void money_fields_show_as_money_in_tables_lists_and_cards() {
        var snap = Snap.of().page("p", "P")
                .add("t", "p", "table", "title", "Standings", "_kinds", List.of("player:text", "buy_ins:money", "pot:money"), "_currency", "usd")
                .add("r1", "t", null, "player", "Ann", "buy_ins", 1200.5, "pot", 20)
                .add("r2", "t", null, "player", "Bob", "buy_ins", -5, "pot", "twenty")
                .add("l", "p", "list", "title", "Costs", "_kinds", List.of("cost:money", "fee:money"), "_currency", "EUR")
                .add("i", "l", null, "name", "Hall", "cost", 99.999, "fee", 20)
                .add("l2", "p", "list", "title", "Fees", "_kinds", List.of("fee:money"), "_currency", "CHF")
                .add("i2", "l2", null, "name", "Entry", "fee", 20)
                .add("l3", "p", "list", "title", "Tokyo", "_kinds", List.of("yen:money"), "_currency", "JPY")
                .add("i3", "l3", null, "name", "Hotel", "yen", 1200.6)
                .add("c", "p", "card", "title", "Budget", "total", 1500000, "_kinds", "total:money", "_currency", "GBP");
        String html = published(snap);
        assertThat(html).contains(">$1,200.50<", ">-$5.00<", ">$20.00<", ">twenty<", ">€100.00<", ">€20.00<", ">CHF 20.00<", ">¥1,201<", ">£1,500,000.00<");
        String editor = renderer.editorBody(snap.build());
        assertThat(editor).contains("data-field=\"buy_ins\"").contains(">$1,200.50<");
    }

    @Test
    void money_without_a_currency_shows_two_decimals() {
        var snap = Snap.of().page("p", "P").add("c", "p", "card", "title", "Budget", "total", 1200, "_kinds", List.of("total:money"));
        assertThat(published(snap)).contains(">1,200.00<");
    }

    @Test
    void a_currency_that_is_not_a_three_letter_code_adds_nothing() {
        var snap = Snap.of().page("p", "P")
                .add("c", "p", "card", "title", "Budget", "total", 12, "_kinds", List.of("total:money", "x"), "_currency", "<script>");
        String html = published(snap);
        assertThat(html).contains(">12.00<").doesNotContain("script");
    }
}
