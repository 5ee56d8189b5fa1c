package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ValuesTest {

    private static JsonNode json(String s) {
        return Snap.JSON.readTree(s);
    }

    private static String shown(String jsonValue) {
        return Values.plain(json(jsonValue));
    }

    @Test
    void integers_print_plainly_and_large_ones_get_comma_separators() {
        assertThat(shown("7")).isEqualTo("7");
        assertThat(shown("2026")).isEqualTo("2026");
        assertThat(shown("12500")).isEqualTo("12,500");
        assertThat(shown("-1234567")).isEqualTo("-1,234,567");
        assertThat(shown("123456789012345678901234567890")).isEqualTo("123,456,789,012,345,678,901,234,567,890");
    }

    @Test
    void decimals_print_without_float_noise_or_exponents() {
        assertThat(shown("0.30000000000000004")).isEqualTo("0.3");
        assertThat(shown("3.0")).isEqualTo("3");
        assertThat(shown("19.99")).isEqualTo("19.99");
        assertThat(shown("1e21")).isEqualTo("1,000,000,000,000,000,000,000");
        assertThat(shown("0.000001")).isEqualTo("0.000001");
        assertThat(shown("12345.5")).isEqualTo("12,345.5");
    }

    @Test
    void numbers_do_not_depend_on_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(shown("12345.5")).isEqualTo("12,345.5");
            assertThat(Dates.day(LocalDate.of(2026, 3, 1))).isEqualTo("Mar 1, 2026");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void iso_dates_read_as_dates() {
        assertThat(Dates.date("2026-05-22")).isEqualTo("May 22, 2026");
        assertThat(Dates.date("2024-02-29")).isEqualTo("Feb 29, 2024");
        assertThat(Dates.date("2026-05-22T19:00")).isEqualTo("May 22, 2026, 7:00 PM");
        assertThat(Dates.date("2026-05-22T00:05:00Z")).isEqualTo("May 22, 2026, 12:05 AM UTC");
        assertThat(Dates.date("2026-05-22T12:30:00.123+02:00")).isEqualTo("May 22, 2026, 12:30 PM UTC+02:00");
    }

    @Test
    void things_that_only_look_like_dates_stay_text() {
        for (String s : List.of("2025-02-29", "2026-13-01", "2026-05-32", "2026-5-22", "2026-05-22x", "2026-05-22T25:00", "12-05-2026")) {
            assertThat(Dates.date(s)).as(s).isNull();
        }
    }

    @Test
    void a_date_value_is_a_time_element_with_its_iso_form() {
        var v = Values.val("e", "when", json("\"2026-05-22\""), false);
        assertThat(v.text()).isEqualTo("May 22, 2026");
        assertThat(v.datetime()).isEqualTo("2026-05-22");
    }

    @Test
    void booleans_are_a_check_mark_or_nothing() {
        String html = new Renderer().publishedBody(Snap.of().page("p", "P")
                .add("c", "p", "card", "title", "T", "paid", true, "late", false).build());
        assertThat(html).contains("<dt>Paid</dt><dd>&#10003;</dd>");
        assertThat(html).contains("<dt>Late</dt><dd></dd>");
    }

    @Test
    void lists_are_joined_with_commas_and_null_is_empty() {
        assertThat(shown("[\"Ann\", \"Bob\", 3, true, null, \"2026-01-02\"]")).isEqualTo("Ann, Bob, 3, Yes, Jan 2, 2026");
        assertThat(shown("null")).isEmpty();
        String html = new Renderer().publishedBody(Snap.of().page("p", "P")
                .add("c", "p", "card", "title", "T", "who", Arrays.asList("Ann", "Bob"), "note", null).build());
        assertThat(html).contains("<dt>Who</dt><dd>Ann, Bob</dd><dt>Note</dt><dd></dd>");
    }

    @Test
    void http_urls_become_links_for_user_content() {
        var v = Values.val("e", "site", json("\"https://example.com/menu/\""), false);
        assertThat(v.href()).isEqualTo("https://example.com/menu/");
        assertThat(v.text()).isEqualTo("example.com/menu");
        String html = new Renderer().publishedBody(Snap.of().page("p", "P")
                .add("c", "p", "card", "title", "T", "site", "http://example.com").build());
        assertThat(html).contains("<a href=\"http://example.com\" rel=\"nofollow ugc noopener\">example.com</a>");
    }

    @Test
    void other_schemes_are_never_links() {
        for (String s : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>", "//evil.example",
                "https:", "https://", "https:///x", "http://a b", "https://x\"onmouseover=1", "vbscript:x", " https://x.example")) {
            assertThat(Values.isWebUrl(s)).as(s).isFalse();
        }
        assertThat(Values.isWebUrl("HTTPS://Example.com/a?b=c&d=e#f")).isTrue();
    }

    @Test
    void long_links_are_shortened_for_reading_but_not_for_the_href() {
        String url = "https://example.com/" + "a".repeat(100);
        var v = Values.val("e", "k", json("\"" + url + "\""), false);
        assertThat(v.href()).isEqualTo(url);
        assertThat(v.text()).hasSize(60).endsWith("…");
    }

    @Test
    void keys_are_humanized() {
        assertThat(Values.humanize("traveling_from")).isEqualTo("Traveling from");
        assertThat(Values.humanize("travelingFrom")).isEqualTo("Traveling from");
        assertThat(Values.humanize("RSVP")).isEqualTo("RSVP");
        assertThat(Values.humanize("rsvp_status")).isEqualTo("Rsvp status");
        assertThat(Values.humanize("__odd--key__")).isEqualTo("Odd key");
        assertThat(Values.humanize("x")).isEqualTo("X");
    }

    @Test
    void the_editor_types_are_string_number_boolean_and_date() {
        assertThat(Values.val("e", "k", json("\"hi\""), true).type()).isEqualTo("string");
        assertThat(Values.val("e", "k", json("4.5"), true).type()).isEqualTo("number");
        assertThat(Values.val("e", "k", json("false"), true).type()).isEqualTo("boolean");
        assertThat(Values.val("e", "k", json("\"2026-05-22\""), true).type()).isEqualTo("date");
        assertThat(Values.val("e", "k", json("null"), true).type()).isEqualTo("string");
        assertThat(Values.val("e", "k", json("\"hi\""), false).type()).isNull();
    }

    @Test
    void summaries_are_cut_at_a_word_boundary() {
        assertThat(Values.shorten("  one   two\nthree ", 100)).isEqualTo("one two three");
        String cut = Values.shorten("word ".repeat(100), 30);
        assertThat(cut).hasSizeLessThanOrEqualTo(30).endsWith("word…");
    }
}
