package com.toaide.aides;

import com.toaide.kernel.Checkpoint;
import com.toaide.kernel.Log;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Snapshot;
import com.toaide.kernel.Json;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * One aide's stored log and checkpoints, read in the caller's transaction (so under its
 * row-level security). Most edits never read it: its DAO is attached on first use.
 */
final class DatabaseLog implements Log {
    private final Handle handle;
    private final UUID aideId;
    private AideDao dao;

    DatabaseLog(Handle handle, UUID aideId) {
        this.handle = handle;
        this.aideId = aideId;
    }

    private AideDao dao() {
        if (dao == null) {
            dao = handle.attach(AideDao.class);
        }
        return dao;
    }

    @Override
    public Checkpoint checkpointAtOrBefore(long seq) {
        return dao().checkpoint(aideId, seq, true)
                .map(row -> Checkpoint.of(row.seq(), Snapshot.fromJson(Json.MAPPER.readTree(row.state())), Json.MAPPER.readTree(row.bookkeeping())))
                .orElseGet(Checkpoint::start);
    }

    /** The latest checkpoint's bookkeeping, without its snapshot: for resuming from {@code aides.state}. */
    Checkpoint latestBookkeeping() {
        return dao().checkpoint(aideId, Long.MAX_VALUE, false)
                .map(row -> Checkpoint.of(row.seq(), null, Json.MAPPER.readTree(row.bookkeeping())))
                .orElseGet(Checkpoint::start);
    }

    @Override
    public List<LogEntry> entries(long after, long upto) {
        return dao().eventsBetween(aideId, after, upto).stream().map(StoredEvent::toEntry).toList();
    }

    @Override
    public List<LogEntry> batch(String batchId, long upto) {
        return dao().batchEvents(aideId, batchId, upto).stream().map(StoredEvent::toEntry).toList();
    }

    /** Stores a checkpoint the history just took. */
    void keep(Checkpoint checkpoint) {
        dao().keepCheckpoint(aideId, checkpoint.seq(), checkpoint.snapshot().toJsonText(), checkpoint.bookkeepingJson().toString());
    }
}
