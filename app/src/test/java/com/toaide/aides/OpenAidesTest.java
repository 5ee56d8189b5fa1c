package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Checkpoint;
import com.toaide.kernel.History;
import com.toaide.kernel.Source;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The in-memory cache of open aides is bounded by aides and by their estimated bytes, least recently used first out. */
class OpenAidesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final UUID OWNER = UUID.randomUUID();

    /** An open aide as the server holds one: resumed from its stored log, after {@code count} edits. */
    static History withBatches(int count) {
        var whole = History.empty();
        whole.applyBatch(List.of(JSON.readTree("{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"T\"}}")),
                "user", Source.EDIT, "2026-11-22T00:00:00.000Z", UUID.randomUUID().toString());
        for (int i = 1; i < count; i++) {
            edit(whole, i);
        }
        var history = History.resume(whole.snapshot(), Checkpoint.start(), whole.entries());
        assertThat(history.batchesRemembered()).isEqualTo(count);
        return history;
    }

    static void edit(History history, int n) {
        history.applyBatch(List.of(JSON.readTree("{\"t\":\"entity.update\",\"ref\":\"page\",\"p\":{\"n\":" + n + "}}")),
                "user", Source.EDIT, "2026-11-22T00:00:00.000Z", UUID.randomUUID().toString());
    }

    @Test
    void aides_with_large_snapshots_are_held_within_the_byte_bound() {
        long bound = 10_000_000;
        var open = new OpenAides(500, bound);
        // Few entries but a 1 MB snapshot each: counting entries alone would keep all 100.
        for (int i = 0; i < 100; i++) {
            open.keep(UUID.randomUUID(), OWNER, withBatches(1), EditAnswers.NONE, 1_000_000);
            assertThat(open.bytes()).isLessThanOrEqualTo(bound);
        }
        assertThat(open.bytes()).isGreaterThan(bound - 3_100_000);
    }

    @Test
    void an_aide_kept_again_after_each_edit_counts_its_remembered_batches_once() {
        var open = new OpenAides(10, 100_000_000);
        UUID aide = UUID.randomUUID();
        var history = withBatches(1);
        open.keep(aide, OWNER, history, EditAnswers.NONE, 100);
        assertThat(open.bytes()).isEqualTo(OpenAides.STATE_FACTOR * 100 + OpenAides.BATCH_BYTES);
        edit(history, 1);
        open.keep(aide, OWNER, history, EditAnswers.NONE, 120);
        assertThat(open.bytes()).isEqualTo(OpenAides.STATE_FACTOR * 120 + 2 * OpenAides.BATCH_BYTES);
        open.forget(aide);
        assertThat(open.bytes()).isZero();
    }

    @Test
    void an_open_aide_holds_no_log_entries_and_remembers_a_bounded_number_of_batches() {
        var history = withBatches(3);
        for (int i = 0; i < 2 * History.RECENT_BATCHES; i++) {
            edit(history, i);
        }
        assertThat(history.entries()).isEmpty();
        assertThat(history.batchesRemembered()).isEqualTo(History.RECENT_BATCHES);
    }

    @Test
    void past_the_byte_bound_the_least_recently_used_aides_drop_out() {
        var open = new OpenAides(10, 100_000);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        open.keep(first, OWNER, withBatches(1), EditAnswers.NONE, 15_000);
        open.keep(second, OWNER, withBatches(1), EditAnswers.NONE, 15_000);
        assertThat(open.owned(first, OWNER)).isNotNull();

        open.keep(third, OWNER, withBatches(1), EditAnswers.NONE, 15_000);

        assertThat(open.owned(second, OWNER)).as("least recently used").isNull();
        assertThat(open.owned(first, OWNER)).isNotNull();
        assertThat(open.owned(third, OWNER)).isNotNull();
    }

    @Test
    void past_the_aide_bound_the_least_recently_used_drops_out_and_a_history_is_only_for_its_owner() {
        var open = new OpenAides(2, 1_000_000);
        UUID first = UUID.randomUUID();
        open.keep(first, OWNER, withBatches(1), EditAnswers.NONE, 100);
        open.keep(UUID.randomUUID(), OWNER, withBatches(1), EditAnswers.NONE, 100);
        open.keep(UUID.randomUUID(), OWNER, withBatches(1), EditAnswers.NONE, 100);
        assertThat(open.owned(first, OWNER)).isNull();

        UUID kept = UUID.randomUUID();
        open.keep(kept, OWNER, withBatches(1), EditAnswers.NONE, 100);
        assertThat(open.owned(kept, UUID.randomUUID())).isNull();
        assertThat(open.at(kept, 1)).isNotNull();
        assertThat(open.at(kept, 2)).isNull();
    }

    @Test
    void a_history_larger_than_the_bound_is_still_kept_alone() {
        var open = new OpenAides(10, 5_000);
        UUID big = UUID.randomUUID();
        open.keep(UUID.randomUUID(), OWNER, withBatches(2), EditAnswers.NONE, 100);
        open.keep(big, OWNER, withBatches(8), EditAnswers.NONE, 100);
        assertThat(open.owned(big, OWNER)).isNotNull();
    }
}
