package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableHintsTest {
    private final Renderer renderer = new Renderer();

    private Snap roster(Object... hints) {
        Object[] props = new Object[hints.length + 2];
        props[0] = "title";
        props[1] = "Roster";
        System.arraycopy(hints, 0, props, 2, hints.length);
        return Snap.of().page("p", "P").add("t", "p", "table", props)
                .add("a", "t", null, "name", "Ann", "team", "Red", "goals", 2, "phone", "555-1")
                .add("b", "t", null, "name", "Bob", "team", "Blue", "goals", 10, "phone", "555-2")
                .add("c", "t", null, "name", "cy", "team", "Red", "phone", "555-3")
                .add("d", "t", null, "name", "Dee", "team", "Blue", "goals", 1);
    }

    private String body(Snap s) {
        return renderer.publishedBody(s.build());
    }

    private static List<String> rowHeads(String html) {
        return java.util.regex.Pattern.compile("<th scope=\"row\"[^>]*>([^<]*)</th>").matcher(html)
                .results().map(m -> m.group(1)).toList();
    }

    private static List<String> colHeads(String html) {
        return java.util.regex.Pattern.compile("<th scope=\"col\"[^>]*>([^<]*)</th>").matcher(html)
                .results().map(m -> m.group(1)).toList();
    }

    @Test
    void without_hints_columns_are_in_first_seen_order_and_rows_in_children_order() {
        String html = body(roster());
        assertThat(colHeads(html)).containsExactly("Name", "Team", "Goals", "Phone");
        assertThat(rowHeads(html)).containsExactly("Ann", "Bob", "cy", "Dee");
    }

    @Test
    void show_fields_picks_and_orders_the_columns() {
        assertThat(colHeads(body(roster("_show_fields", List.of("phone", "name"))))).containsExactly("Phone", "Name");
        assertThat(colHeads(body(roster("_show_fields", "goals, name")))).containsExactly("Goals", "Name");
    }

    @Test
    void hide_fields_drops_columns() {
        assertThat(colHeads(body(roster("_hide_fields", List.of("phone", "team"))))).containsExactly("Name", "Goals");
    }

    @Test
    void sort_by_sorts_numbers_numerically_with_missing_values_last() {
        assertThat(rowHeads(body(roster("_sort_by", "goals")))).containsExactly("Dee", "Ann", "Bob", "cy");
        assertThat(rowHeads(body(roster("_sort_by", "goals", "_sort_order", "desc"))))
                .containsExactly("Bob", "Ann", "Dee", "cy");
    }

    @Test
    void whole_numbers_of_every_size_sort_stably_either_way() {
        java.util.Random random = new java.util.Random(15);
        long[] edges = {0, 1, -1, (1L << 41) - 1, 1L << 41, -(1L << 41), 1L << 42, -(1L << 42), Long.MAX_VALUE, Long.MIN_VALUE};
        for (int round = 0; round < 60; round++) {
            boolean desc = random.nextBoolean();
            Snap s = Snap.of().page("p", "P").add("t", "p", "table", "title", "T", "_sort_by", "n", "_sort_order",
                    desc ? "desc" : "asc");
            int rows = 1 + random.nextInt(40);
            long[] numbers = new long[rows];
            for (int j = 0; j < rows; j++) {
                // Few distinct numbers, so ties are common; now and then one too large to pack.
                numbers[j] = random.nextInt(8) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(7) - 3;
                s.add("r" + j, "t", null, "name", "row" + j, "n", numbers[j]);
            }
            List<String> expected = java.util.stream.IntStream.range(0, rows).boxed()
                    .sorted((a, b) -> desc ? Long.compare(numbers[b], numbers[a]) : Long.compare(numbers[a], numbers[b]))
                    .map(j -> "row" + j).toList();
            assertThat(rowHeads(body(s))).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void sort_by_text_ignores_case() {
        assertThat(rowHeads(body(roster("_sort_by", "name", "_sort_order", "DESC"))))
                .containsExactly("Dee", "cy", "Bob", "Ann");
    }

    @Test
    void group_by_puts_rows_under_group_headers_in_first_seen_order_and_drops_the_column() {
        String html = body(roster("_group_by", "team"));
        assertThat(colHeads(html)).containsExactly("Name", "Goals", "Phone");
        assertThat(html).contains("<tbody><tr class=\"g\"><th scope=\"rowgroup\" colspan=\"3\">Red</th></tr>");
        assertThat(html.indexOf(">Red<")).isLessThan(html.indexOf(">Ann<"));
        assertThat(html.indexOf(">cy<")).isLessThan(html.indexOf(">Blue<"));
        assertThat(html.indexOf(">Blue<")).isLessThan(html.indexOf(">Bob<"));
    }

    @Test
    void group_by_and_sort_by_combine() {
        String html = body(roster("_group_by", "team", "_sort_by", "goals", "_sort_order", "desc"));
        assertThat(rowHeads(html)).containsExactly("Bob", "Dee", "Ann", "cy");
    }

    @Test
    void numeric_columns_are_marked_for_right_alignment() {
        assertThat(body(roster())).contains("<th scope=\"col\" class=\"num\">Goals</th>").contains("<td class=\"num\">10</td>");
    }

    @Test
    void hints_on_the_table_are_not_shown_as_fields() {
        assertThat(body(roster("_sort_by", "goals"))).doesNotContain("Sort by");
    }
}
