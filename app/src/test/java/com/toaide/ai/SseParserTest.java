package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    static List<SseEvent> parse(String... lines) {
        SseParser parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            SseEvent event = parser.accept(line);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void a_blank_line_ends_an_event_with_its_name_and_data() {
        assertThat(parse("event: ping", "data: {\"type\": \"ping\"}", ""))
                .containsExactly(new SseEvent("ping", "{\"type\": \"ping\"}"));
    }

    @Test
    void data_lines_are_joined_with_newlines() {
        assertThat(parse("data: first", "data: second", "data:third", ""))
                .containsExactly(new SseEvent("message", "first\nsecond\nthird"));
    }

    @Test
    void comments_and_unknown_fields_are_ignored() {
        assertThat(parse(": keep-alive", "id: 7", "retry: 100", "event: message_stop", "data: {}", ""))
                .containsExactly(new SseEvent("message_stop", "{}"));
    }

    @Test
    void only_one_space_after_the_colon_is_dropped() {
        assertThat(parse("data:   indented", "")).containsExactly(new SseEvent("message", "  indented"));
    }

    @Test
    void an_event_without_data_is_dropped_and_its_name_does_not_leak_into_the_next() {
        assertThat(parse("event: ping", "", "data: x", "")).containsExactly(new SseEvent("message", "x"));
    }

    @Test
    void an_unfinished_event_at_the_end_is_not_delivered() {
        assertThat(parse("event: message_stop", "data: {}")).isEmpty();
    }

    @Test
    void a_field_line_without_colon_is_a_field_with_an_empty_value() {
        assertThat(parse("data", "")).containsExactly(new SseEvent("message", ""));
    }
}
