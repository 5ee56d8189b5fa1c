package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.time.LocalDate;

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

    @Test
    void a_page_past_the_size_cap_is_replaced_by_a_plain_message_on_every_render_path() {
        // 400 texts of 10,000 characters, each within the kernel's limits: 4 M characters of page.
        var snap = Snap.of().page("p", "P");
        String text = "<b>&".repeat(2_500);
        for (int i = 0; i < 400; i++) {
            snap.add("t" + i, "p", "text", "text", text);
        }
        var page = snap.build();

        String editor = renderer.editorBody(page);
        String published = renderer.publishedBody(page);
        String document = renderer.document(page, new PageContext("https://pages.example.com/s/x", null, null,
                LocalDate.of(2026, 1, 2), PageContext.Credit.SHOWN));

        for (String html : new String[] {editor, published, document}) {
            assertThat(html).doesNotContain("&lt;b&gt;").hasSizeLessThan(20_000);
        }
        assertThat(editor).contains(Renderer.TOO_LARGE);
        assertThat(published).contains(Renderer.TOO_LARGE);
        assertThat(document).contains(Renderer.TOO_LARGE_PUBLISHED);
        assertThat(document).startsWith("<!doctype html>").contains("<title>P</title>");
        // A live patch of the page entity would be as large: the editor is sent the whole (capped) page.
        assertThat(renderer.entity(page, "p", true)).isEmpty();
        // One text of the same page is well within the cap and still patches.
        assertThat(renderer.entity(page, "t1", true)).isPresent();
    }

    @Test
    void tables_show_at_most_twenty_thousand_cells_on_a_page_and_count_the_rows_left_out() {
        var snap = Snap.of().page("p", "P").add("t", "p", "table", "title", "Wide");
        Object[] props = new Object[50];
        for (int k = 0; k < 25; k++) {
            props[2 * k] = "c" + k;
            props[2 * k + 1] = "v";
        }
        for (int i = 0; i < 1_000; i++) {
            snap.add("r" + i, "t", null, props);
        }
        snap.add("u", "p", "table", "title", "Later").add("u1", "u", null, "name", "one");

        String html = renderer.editorBody(snap.build());

        // 800 rows of 25 cells fill the page's 20,000; the later table has none left.
        assertThat(html.split("<tr ", -1)).hasSize(800 + 1);
        assertThat(html).contains("200 more rows are not shown (a page shows at most 20000 table cells).")
                .contains("1 more row is not shown");
    }
}
