package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CheckpointTest {
    /**
     * A history that takes checkpoints at random points and forgets what came before them, as an
     * open aide does, drives random turns, edits, undos and redos through a log of its own.
     */
    private record Run(History history, MemoryLog log, List<LogEntry> all) {}

    private static Run run(long seed, int actions) {
        Random random = new Random(seed);
        RandomEvents generator = new RandomEvents(seed + 3);
        History history = History.empty();
        MemoryLog log = new MemoryLog(List.of());
        List<LogEntry> all = new ArrayList<>();
        for (int action = 0; action < actions; action++) {
            String ts = "2026-01-01T00:00:" + String.format("%02d", action % 60) + "Z";
            int roll = random.nextInt(10);
            List<LogEntry> added = new ArrayList<>();
            if (roll < 3) {
                history.undo("u", ts, "b" + action, log).ifPresent(added::add);
            } else if (roll < 4) {
                history.redo("u", ts, "b" + action, log).ifPresent(added::add);
            } else {
                List<JsonNode> events = new ArrayList<>();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    events.add(generator.next());
                }
                added.addAll(history.applyBatch(events, "ai", Source.AI, ts, "b" + action).entries());
            }
            log.append(added);
            all.addAll(added);
            if (random.nextInt(6) == 0) {
                log.keep(history.checkpoint());
            }
            SameJson.assertSameJson(history.snapshot().toJson(), History.replay(all).snapshot().toJson());
        }
        return new Run(history, log, all);
    }

    @Test
    void the_state_at_every_checkpoint_equals_a_full_replay_of_the_log_up_to_it() {
        for (long seed = 0; seed < 30; seed++) {
            Run run = run(seed, 80);

            assertThat(run.log().checkpoints()).isNotEmpty();
            for (Checkpoint checkpoint : run.log().checkpoints()) {
                History full = History.replay(run.all(), checkpoint.seq());
                SameJson.assertSameJson(checkpoint.snapshot().toJson(), full.snapshot().toJson());
                Checkpoint replayed = full.checkpoint();
                assertThat(checkpoint.bookkeepingJson()).isEqualTo(replayed.bookkeepingJson());
            }
        }
    }

    @Test
    void any_point_seen_from_the_nearest_checkpoint_equals_a_full_replay() {
        for (long seed = 100; seed < 115; seed++) {
            Run run = run(seed, 80);

            for (long seq = 0; seq <= run.history().version(); seq++) {
                SameJson.assertSameJson(History.at(run.log(), seq).snapshot().toJson(),
                        History.replay(run.all(), seq).snapshot().toJson());
            }
        }
    }

    @Test
    void an_aide_resumed_from_its_latest_checkpoint_undoes_and_redoes_like_the_one_that_never_closed() {
        for (long seed = 200; seed < 215; seed++) {
            Run run = run(seed, 60);
            var latest = run.log().checkpointAtOrBefore(Long.MAX_VALUE);
            History resumed = History.resume(run.history().snapshot().copy(), latest,
                    run.log().entries(latest.seq(), Long.MAX_VALUE));
            for (int i = 0; i < 5; i++) {
                var mine = run.history().undo("u", "t", "undo" + i, run.log());
                var theirs = resumed.undo("u", "t", "undo" + i, run.log());
                assertThat(theirs.isPresent()).isEqualTo(mine.isPresent());
                mine.ifPresent(entry -> run.log().append(List.of(entry)));
                SameJson.assertSameJson(resumed.snapshot().toJson(), run.history().snapshot().toJson());
            }
            var redone = resumed.redo("u", "t", "redo", run.log());
            assertThat(redone.isPresent()).isEqualTo(run.history().canRedo());
        }
    }

    @Test
    void a_history_keeps_no_entry_older_than_its_last_checkpoint() {
        Run run = run(7, 40);
        run.history().checkpoint();

        run.history().applyBatch(List.of(TestAide.json("{t:'voice', text:'x'}")), "ai", Source.AI, "t", "last");

        assertThat(run.history().entries()).hasSize(1);
    }

    @Test
    void bookkeeping_survives_its_json_form() {
        Run run = run(11, 50);
        Checkpoint checkpoint = run.history().checkpoint();

        Checkpoint read = Checkpoint.of(checkpoint.seq(), null, Fixtures.parse(checkpoint.bookkeepingJson().toString()));

        assertThat(read.done()).isEqualTo(checkpoint.done());
        assertThat(read.undone()).isEqualTo(checkpoint.undone());
        assertThat(read.recent()).isEqualTo(checkpoint.recent());
        assertThat(read.openBatch()).isEqualTo(checkpoint.openBatch());
        assertThat(read.lastBatch()).isEqualTo(checkpoint.lastBatch());
    }
}
