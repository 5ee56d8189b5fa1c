package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.History;
import com.toaide.kernel.LogEntry;
import com.toaide.platform.db.Database;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An aide as Postgres holds it (its log rows, its stored snapshot and log position), read
 * through the app's own DAO as its owner, for tests in any package that check docs/kernel.md's rule:
 * the stored snapshot is a cache of the replay of the stored log.
 */
public record StoredLog(List<LogEntry> entries, JsonNode storedSnapshot, long logSeq) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static StoredLog read(Database db, UUID user, UUID aide) {
        return db.asUser(user, handle -> {
            var dao = handle.attach(AideDao.class);
            var entries = dao.eventsBetween(aide, 0, Long.MAX_VALUE).stream().map(StoredEvent::toEntry).toList();
            var row = dao.lockForLoad(aide).orElseThrow();
            return new StoredLog(entries, JSON.readTree(row.state()), row.logSeq());
        });
    }

    /** The snapshot the kernel rebuilds from the stored log alone. */
    public JsonNode replayed() {
        return History.replay(entries).snapshot().toJson();
    }

    /** The seq of the last stored entry (0 for an empty log). */
    public long lastSeq() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    }

    /** docs/kernel.md: the stored snapshot is a cache of the replay of the stored log. */
    public static void assertReplayEqualsStoredSnapshot(Database db, UUID user, UUID aide) {
        var stored = read(db, user, aide);
        assertThat(stored.replayed()).isEqualTo(stored.storedSnapshot());
        assertThat(stored.logSeq()).isEqualTo(stored.lastSeq());
    }
}
