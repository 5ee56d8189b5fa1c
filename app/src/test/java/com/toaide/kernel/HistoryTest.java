package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HistoryTest {
    private static final String TS = "2026-02-12T18:00:00Z";

    private static List<JsonNode> events(String... relaxed) {
        List<JsonNode> out = new ArrayList<>();
        for (String event : relaxed) {
            out.add(TestAide.json(event));
        }
        return out;
    }

    private static History pokerNight() {
        History history = History.empty();
        history.applyBatch(events(
                "{t:'entity.create', id:'page', display:'page', p:{title:'Poker Night'}}",
                "{t:'entity.create', id:'players', parent:'page', display:'table'}"), "ai", Source.AI, TS, "turn_1");
        return history;
    }

    @Test
    void a_batch_logs_its_accepted_events_with_increasing_seqs() {
        History history = pokerNight();

        BatchResult result = history.applyBatch(events(
                "{t:'entity.create', id:'mike', parent:'players'}",
                "{t:'entity.create', id:'mike', parent:'players'}",
                "{t:'voice', text:'Mike is in.'}"), "user_1", Source.EDIT, TS, "edit_1");

        assertThat(result.results()).extracting(Result::accepted).containsExactly(true, false, true);
        assertThat(result.entries()).extracting(LogEntry::seq).containsExactly(3L, 4L);
        assertThat(result.entries()).allSatisfy(entry -> {
            assertThat(entry.batch()).isEqualTo("edit_1");
            assertThat(entry.actor()).isEqualTo("user_1");
            assertThat(entry.source()).isEqualTo(Source.EDIT);
        });
        assertThat(result.version()).isEqualTo(4);
        assertThat(history.version()).isEqualTo(4);
        assertThat(history.snapshot().sequence()).isEqualTo(3);
    }

    @Test
    void a_batch_whose_events_are_all_rejected_logs_nothing() {
        History history = pokerNight();

        BatchResult result = history.applyBatch(events("{t:'entity.remove', ref:'ghost'}"), "u", Source.EDIT, TS, "e1");

        assertThat(result.anyAccepted()).isFalse();
        assertThat(history.entries()).hasSize(2);
    }

    @Test
    void undo_takes_back_the_last_batch_and_redo_puts_it_back() {
        History history = pokerNight();
        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}",
                "{t:'entity.update', ref:'page', p:{title:'Poker Night 2026'}}"), "u", Source.EDIT, TS, "e1");
        JsonNode afterEdit = history.snapshot().toJson();

        LogEntry undo = history.undo("u", TS, "undo_1").orElseThrow();

        assertThat(undo.isUndo()).isTrue();
        assertThat(undo.target()).isEqualTo("e1");
        assertThat(undo.source()).isEqualTo(Source.UNDO);
        assertThat(history.snapshot().entity("mike")).isNull();
        assertThat(history.snapshot().title()).isEqualTo("Poker Night");
        assertThat(history.canRedo()).isTrue();

        LogEntry redo = history.redo("u", TS, "redo_1").orElseThrow();

        assertThat(redo.isRedo()).isTrue();
        SameJson.assertSameJson(history.snapshot().toJson(), afterEdit);
        assertThat(history.version()).isEqualTo(6);
        assertThat(history.entries()).hasSize(6);
    }

    @Test
    void undo_goes_back_batch_by_batch_to_an_empty_aide() {
        History history = pokerNight();
        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}"), "u", Source.EDIT, TS, "e1");

        history.undo("u", TS, "undo_1");
        history.undo("u", TS, "undo_2");

        assertThat(history.canUndo()).isFalse();
        assertThat(history.undo("u", TS, "undo_3")).isEmpty();
        SameJson.assertSameJson(history.snapshot().toJson(), Snapshot.empty().toJson());
    }

    @Test
    void a_new_change_after_undo_makes_redo_impossible() {
        History history = pokerNight();
        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}"), "u", Source.EDIT, TS, "e1");
        history.undo("u", TS, "undo_1");

        history.applyBatch(events("{t:'entity.create', id:'dave', parent:'players'}"), "u", Source.EDIT, TS, "e2");

        assertThat(history.canRedo()).isFalse();
        assertThat(history.redo("u", TS, "redo_1")).isEmpty();
    }

    @Test
    void a_batch_of_signals_only_is_not_something_to_undo() {
        History history = pokerNight();

        history.applyBatch(events("{t:'voice', text:'Nothing to change.'}"), "ai", Source.AI, TS, "turn_2");
        history.undo("u", TS, "undo_1");

        assertThat(history.snapshot().entityCount()).isZero();
    }

    @Test
    void undo_reaches_at_least_fifty_batches_back() {
        History history = pokerNight();
        for (int i = 0; i < 60; i++) {
            history.applyBatch(events("{t:'entity.create', id:'row_" + i + "', parent:'players'}"), "u", Source.EDIT, TS, "e" + i);
        }

        for (int i = 0; i < 60; i++) {
            assertThat(history.undo("u", TS, "undo_" + i)).isPresent();
        }

        assertThat(history.snapshot().entity("players").children()).isEmpty();
        assertThat(history.canUndo()).isTrue();
    }

    @Test
    void an_ai_turn_may_arrive_in_several_calls_with_the_same_batch_id() {
        History history = pokerNight();

        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}"), "ai", Source.AI, TS, "turn_2");
        history.applyBatch(events("{t:'entity.create', id:'dave', parent:'players'}"), "ai", Source.AI, TS, "turn_2");
        history.undo("u", TS, "undo_1");

        assertThat(history.snapshot().entity("players").children()).isEmpty();
    }

    @Test
    void a_batch_id_cannot_be_reused_once_closed() {
        History history = pokerNight();
        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}"), "u", Source.EDIT, TS, "e1");

        assertThatThrownBy(() -> history.applyBatch(events("{t:'voice', text:'x'}"), "ai", Source.AI, TS, "turn_1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.undo("u", TS, "e1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replay_up_to_a_seq_travels_back_in_time() {
        History history = pokerNight();
        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}"), "u", Source.EDIT, TS, "e1");
        history.undo("u", TS, "undo_1");

        assertThat(History.replay(history.entries(), 1).snapshot().entityCount()).isEqualTo(1);
        assertThat(History.replay(history.entries(), 3).snapshot().entity("mike")).isNotNull();
        assertThat(History.replay(history.entries(), 4).snapshot().entity("mike")).isNull();
        assertThat(History.replay(history.entries(), 0).snapshot().entityCount()).isZero();
    }

    @Test
    void log_entries_survive_their_json_form() {
        History history = pokerNight();
        history.applyBatch(events("{t:'meta.annotate', p:{note:'Mike out'}}"), "u", Source.EDIT, TS, "e1");
        history.undo("u", "2026-02-13T09:00:00Z", "undo_1");

        List<LogEntry> rows = new ArrayList<>();
        for (LogEntry entry : history.entries()) {
            rows.add(LogEntry.fromJson(Fixtures.parse(entry.toJson().toString())));
        }

        assertThat(rows).isEqualTo(history.entries());
        assertThat(rows.get(3).toJson().get("source").asString()).isEqualTo("undo");
        assertThatThrownBy(() -> LogEntry.fromJson(TestAide.json("{seq:1}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_annotation_replayed_from_the_log_keeps_the_time_of_its_envelope() {
        History history = pokerNight();
        history.applyBatch(events("{t:'meta.annotate', p:{note:'Mike out'}}"), "u", Source.EDIT, "2026-02-14T20:00:00Z", "e1");

        Snapshot replayed = History.replay(history.entries()).snapshot();

        assertThat(replayed.meta().get("annotations").get(0).get("ts").asString()).isEqualTo("2026-02-14T20:00:00Z");
    }

    @Test
    void resuming_from_a_cached_snapshot_keeps_undo_working() {
        History history = pokerNight();
        history.applyBatch(events("{t:'entity.create', id:'mike', parent:'players'}"), "u", Source.EDIT, TS, "e1");

        History resumed = History.resume(Snapshot.fromJson(history.snapshot().toJson()), Checkpoint.start(), history.entries());
        var stored = new MemoryLog(history.entries());
        var marker = resumed.undo("u", TS, "undo_1", stored).orElseThrow();

        assertThat(resumed.snapshot().entity("mike")).isNull();
        assertThat(resumed.version()).isEqualTo(4);
        stored.append(List.of(marker));
        resumed.redo("u", TS, "redo_1", stored);
        assertThat(resumed.snapshot().entity("mike")).isNotNull();
        assertThat(resumed.entries()).as("its log is stored, not held").isEmpty();
    }

    /** The property of docs/kernel.md: replay(log) equals the stored snapshot after any mix of actions. */
    @Test
    void replaying_the_log_gives_the_stored_snapshot_after_any_mix_of_turns_edits_undos_and_redos() {
        for (long seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            RandomEvents generator = new RandomEvents(seed);
            History history = History.empty();
            int batches = 0;
            for (int action = 0; action < 40; action++) {
                String ts = "2026-01-01T00:00:" + String.format("%02d", action % 60) + "Z";
                int roll = random.nextInt(10);
                if (roll < 2) {
                    history.undo("u", ts, "b" + batches++);
                } else if (roll < 3) {
                    history.redo("u", ts, "b" + batches++);
                } else {
                    List<JsonNode> events = new ArrayList<>();
                    for (int i = 1 + random.nextInt(6); i > 0; i--) {
                        events.add(generator.next());
                    }
                    Source source = roll < 6 ? Source.AI : roll < 9 ? Source.EDIT : Source.IMPORT;
                    history.applyBatch(events, source == Source.AI ? "ai" : "u", source, ts, "b" + batches++);
                }
                JsonNode stored = history.snapshot().toJson();
                SameJson.assertSameJson(History.replay(history.entries()).snapshot().toJson(), stored);
            }
            // Rows as the web layer would store and read them, in any order.
            List<LogEntry> rows = new ArrayList<>();
            for (LogEntry entry : history.entries()) {
                rows.add(LogEntry.fromJson(entry.toJson()));
            }
            java.util.Collections.shuffle(rows, random);
            SameJson.assertSameJson(History.replay(rows).snapshot().toJson(), history.snapshot().toJson());
        }
    }

    @Test
    void undo_then_redo_is_the_identity() {
        for (long seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            RandomEvents generator = new RandomEvents(seed + 7);
            History history = History.empty();
            for (int batch = 0; batch < 12; batch++) {
                List<JsonNode> events = new ArrayList<>();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    events.add(generator.next());
                }
                history.applyBatch(events, "ai", Source.AI, "2026-01-01T00:00:00Z", "turn_" + batch);
            }
            JsonNode before = history.snapshot().toJson();
            int depth = 1 + random.nextInt(5);
            int undone = 0;
            for (int i = 0; i < depth; i++) {
                if (history.undo("u", "t", "undo_" + i).isPresent()) {
                    undone++;
                }
            }
            for (int i = 0; i < undone; i++) {
                assertThat(history.redo("u", "t", "redo_" + i)).isPresent();
            }

            SameJson.assertSameJson(history.snapshot().toJson(), before);
            assertThat(history.canRedo()).isFalse();
        }
    }

    @Test
    void the_incremental_snapshot_equals_the_replay_of_its_events() {
        for (long seed = 0; seed < 100; seed++) {
            RandomEvents generator = new RandomEvents(seed + 99);
            History history = History.empty();
            Snapshot incremental = Snapshot.empty();
            for (int i = 0; i < 200; i++) {
                JsonNode event = generator.next();
                Kernel.apply(incremental, event, "t");
                history.applyBatch(List.of(event), "ai", Source.AI, "t", "b" + i);
            }
            SameJson.assertSameJson(History.replay(history.entries()).snapshot().toJson(), incremental.toJson());
        }
    }
}
