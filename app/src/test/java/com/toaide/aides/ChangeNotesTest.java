package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.History;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChangeNotesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<LogEntry> apply(History history, String batch, String... events) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String event : events) {
            parsed.add(JSON.readTree(event));
        }
        return history.applyBatch(parsed, "u", Source.EDIT, "2026-01-01T00:00:00.000Z", batch).entries();
    }

    static History league() {
        History history = History.empty();
        apply(history, "setup",
                "{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"League\"}}",
                "{\"t\":\"entity.create\",\"id\":\"games\",\"parent\":\"page\",\"display\":\"table\",\"p\":{\"title\":\"Games\"}}",
                "{\"t\":\"entity.create\",\"id\":\"players\",\"parent\":\"page\",\"display\":\"table\",\"p\":{\"title\":\"Players\"}}",
                "{\"t\":\"entity.create\",\"id\":\"snacks\",\"parent\":\"page\",\"display\":\"list\",\"p\":{\"title\":\"Snacks\"}}",
                "{\"t\":\"entity.create\",\"id\":\"schedule\",\"parent\":\"page\",\"display\":\"section\",\"p\":{\"title\":\"Schedule\"}}",
                "{\"t\":\"entity.create\",\"id\":\"p1\",\"parent\":\"players\",\"p\":{\"name\":\"Mike\"}}",
                "{\"t\":\"entity.create\",\"id\":\"p2\",\"parent\":\"players\",\"p\":{\"name\":\"Linda\"}}",
                "{\"t\":\"entity.create\",\"id\":\"p3\",\"parent\":\"players\",\"p\":{\"name\":\"Dave\"}}");
        return history;
    }

    @Test
    void a_short_batch_names_each_change() {
        History history = league();

        var moved = apply(history, "m", "{\"t\":\"entity.move\",\"ref\":\"snacks\",\"parent\":\"schedule\"}");
        var removed = apply(history, "r", "{\"t\":\"entity.remove\",\"ref\":\"p3\"}");
        var titled = apply(history, "t", "{\"t\":\"meta.set\",\"p\":{\"title\":\"Thursday League\"}}");

        assertThat(ChangeNotes.of(moved, history.snapshot())).isEqualTo("Moved Snacks into Schedule");
        assertThat(ChangeNotes.of(removed, history.snapshot())).isEqualTo("Removed Dave");
        assertThat(ChangeNotes.of(titled, history.snapshot())).isEqualTo("Title → Thursday League");
    }

    @Test
    void a_long_batch_is_counted_by_what_was_done_and_where() {
        History history = league();
        var entries = apply(history, "turn",
                "{\"t\":\"entity.create\",\"id\":\"g1\",\"parent\":\"games\",\"p\":{\"date\":\"Mar 1\"}}",
                "{\"t\":\"entity.create\",\"id\":\"g2\",\"parent\":\"games\",\"p\":{\"date\":\"Mar 8\"}}",
                "{\"t\":\"entity.create\",\"id\":\"g3\",\"parent\":\"games\",\"p\":{\"date\":\"Mar 15\"}}",
                "{\"t\":\"entity.create\",\"id\":\"g4\",\"parent\":\"games\",\"p\":{\"date\":\"Mar 22\"}}",
                "{\"t\":\"entity.update\",\"ref\":\"p1\",\"p\":{\"paid\":true}}",
                "{\"t\":\"entity.update\",\"ref\":\"p2\",\"p\":{\"paid\":true}}",
                "{\"t\":\"entity.update\",\"ref\":\"p3\",\"p\":{\"paid\":false}}",
                "{\"t\":\"voice\",\"text\":\"Four games added.\"}");

        assertThat(ChangeNotes.of(entries, history.snapshot())).isEqualTo("Added 4 to Games, updated 3 in Players");
    }

    @Test
    void notes_are_the_same_every_time_and_several_combine_newest_first_within_the_cap() {
        History history = league();
        var entries = apply(history, "u", "{\"t\":\"entity.update\",\"ref\":\"p2\",\"p\":{\"paid\":true,\"note\":\"" + "x".repeat(300) + "\"}}");

        String note = ChangeNotes.of(entries, history.snapshot());

        assertThat(note).isEqualTo(ChangeNotes.of(entries, history.snapshot())).startsWith("Linda: Paid → yes, Note → xxx");
        assertThat(note.length()).isLessThanOrEqualTo(ChangeNotes.MAX_LENGTH);
        assertThat(ChangeNotes.combine(List.of("Added Mike", "Removed Ice", "Added Mike", "")))
                .isEqualTo("Added Mike; Removed Ice");
        assertThat(ChangeNotes.combine(List.of("a".repeat(100), "b".repeat(100)))).hasSize(ChangeNotes.MAX_LENGTH).startsWith("bbb");
    }
}
