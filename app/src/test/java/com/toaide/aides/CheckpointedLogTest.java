package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Checkpoint;
import com.toaide.kernel.History;
import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An aide whose log passes several checkpoints, stored in Postgres: every stored checkpoint is
 * the replay of the stored log up to it, and an instance that never saw the aide opens it from
 * the latest checkpoint and undoes as far back as the one that made it.
 */
class CheckpointedLogTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static Database db;
    static UUID user;

    @BeforeAll
    static void start() {
        db = Database.connect(TestPostgres.freshDatabase(), 2);
        user = db.asSystem(h -> h.createQuery("insert into users (email) values ('long@example.com') returning id").mapTo(UUID.class).one());
    }

    static UUID newAide() {
        return db.asUser(user, h -> h.attach(AideDao.class).create("{}"));
    }

    static List<JsonNode> events(String json) {
        return List.of(JSON.readTree(json));
    }

    @Test
    void every_stored_checkpoint_equals_a_full_replay_and_a_cold_instance_undoes_across_them() {
        UUID aide = newAide();
        var editor = new EditService(db, Clock.systemUTC(), 40);
        editor.edit(user, aide, events("{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"Long\"}}"));
        int edits = 130;
        for (int i = 0; i < edits; i++) {
            if (i % 23 == 22) {
                editor.undo(user, aide);
            } else if (i % 3 == 0) {
                editor.edit(user, aide, events("{\"t\":\"entity.create\",\"id\":\"e" + i + "\",\"parent\":\"page\",\"p\":{\"name\":\"E" + i + "\"}}"));
            } else {
                editor.edit(user, aide, events("{\"t\":\"entity.update\",\"ref\":\"page\",\"p\":{\"count\":" + i + "}}"));
            }
        }

        var stored = StoredLog.read(db, user, aide);
        var checkpoints = db.asUser(user, h -> h.attach(AideDao.class).checkpointSeqs(aide));
        assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(2);
        for (long seq : checkpoints) {
            var row = db.asUser(user, h -> h.attach(AideDao.class).checkpoint(aide, seq, true)).orElseThrow();
            assertThat(row.seq()).isEqualTo(seq);
            assertThat(JSON.readTree(row.state())).isEqualTo(History.replay(stored.entries(), seq).snapshot().toJson());
            var replayed = History.replay(stored.entries(), seq).checkpoint();
            var kept = Checkpoint.of(seq, null, JSON.readTree(row.bookkeeping()));
            assertThat(kept.done()).isEqualTo(replayed.done());
            assertThat(kept.undone()).isEqualTo(replayed.undone());
            assertThat(kept.recent()).isEqualTo(replayed.recent());
            assertThat(kept.lastBatch()).isEqualTo(replayed.lastBatch());
        }
        StoredLog.assertReplayEqualsStoredSnapshot(db, user, aide);

        var cold = new EditService(db, Clock.systemUTC(), 40);
        var expected = new ArrayList<JsonNode>();
        var warm = History.replay(stored.entries());
        for (int i = 0; i < 60; i++) {
            warm.undo("u", "2026-01-01T00:00:00.000Z", "undo" + i);
            expected.add(warm.snapshot().toJson());
        }
        for (int i = 0; i < 60; i++) {
            cold.undo(user, aide);
            assertThat(cold.snapshot(user, aide).snapshot()).isEqualTo(expected.get(i));
        }
        cold.redo(user, aide);
        StoredLog.assertReplayEqualsStoredSnapshot(db, user, aide);
    }
}
