package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.History;
import com.toaide.kernel.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The in-memory cache of open aides is bounded by aides and by log entries, least recently used first out. */
class OpenAidesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final UUID OWNER = UUID.randomUUID();

    static History withEntries(int count) {
        var history = History.empty();
        List<JsonNode> events = new ArrayList<>();
        events.add(JSON.readTree("{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"T\"}}"));
        for (int i = 1; i < count; i++) {
            events.add(JSON.readTree("{\"t\":\"entity.update\",\"ref\":\"page\",\"p\":{\"n\":" + i + "}}"));
        }
        history.applyBatch(events, "user", Source.EDIT, "2026-11-22T00:00:00.000Z", UUID.randomUUID().toString());
        assertThat(history.entries()).hasSize(count);
        return history;
    }

    @Test
    void past_the_entry_bound_the_least_recently_used_aides_drop_out() {
        var open = new OpenAides(10, 100);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        open.keep(first, OWNER, withEntries(40), EditAnswers.NONE);
        open.keep(second, OWNER, withEntries(40), EditAnswers.NONE);
        assertThat(open.owned(first, OWNER)).isNotNull();

        open.keep(third, OWNER, withEntries(40), EditAnswers.NONE);

        assertThat(open.owned(second, OWNER)).as("least recently used").isNull();
        assertThat(open.owned(first, OWNER)).isNotNull();
        assertThat(open.owned(third, OWNER)).isNotNull();
    }

    @Test
    void past_the_aide_bound_the_least_recently_used_drops_out_and_a_history_is_only_for_its_owner() {
        var open = new OpenAides(2, 1_000);
        UUID first = UUID.randomUUID();
        open.keep(first, OWNER, withEntries(1), EditAnswers.NONE);
        open.keep(UUID.randomUUID(), OWNER, withEntries(1), EditAnswers.NONE);
        open.keep(UUID.randomUUID(), OWNER, withEntries(1), EditAnswers.NONE);
        assertThat(open.owned(first, OWNER)).isNull();

        UUID kept = UUID.randomUUID();
        open.keep(kept, OWNER, withEntries(1), EditAnswers.NONE);
        assertThat(open.owned(kept, UUID.randomUUID())).isNull();
        assertThat(open.at(kept, 1)).isNotNull();
        assertThat(open.at(kept, 2)).isNull();
    }

    @Test
    void a_history_larger_than_the_bound_is_still_kept_alone() {
        var open = new OpenAides(10, 5);
        UUID big = UUID.randomUUID();
        open.keep(UUID.randomUUID(), OWNER, withEntries(2), EditAnswers.NONE);
        open.keep(big, OWNER, withEntries(8), EditAnswers.NONE);
        assertThat(open.owned(big, OWNER)).isNotNull();
    }
}
