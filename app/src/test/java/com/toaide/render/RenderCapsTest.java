package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Output must not grow faster than the aide (issue 12): rows with distinct keys do not multiply the page. */
class RenderCapsTest {
    private final Renderer renderer = new Renderer();

    @Test
    void a_table_whose_rows_all_have_different_keys_shows_at_most_sixty_four_columns_and_says_so() {
        var snap = Snap.of().page("p", "P").add("t", "p", "table", "title", "Bomb");
        for (int i = 0; i < 500; i++) {
            snap.add("r" + i, "t", null, "name", "row " + i, "key_" + i, "x");
        }

        String html = renderer.publishedBody(snap.build());

        assertThat(html.split("<th scope=\"col\"", -1)).hasSize(TableLayout.MAX_COLUMNS + 1);
        assertThat(html).contains("437 more columns are not shown (a table shows at most 64).");
        // 500 rows of 64 cells: proportional to the rows, not to rows times their distinct keys.
        assertThat(html.length()).isLessThan(5_000_000);
    }
}
