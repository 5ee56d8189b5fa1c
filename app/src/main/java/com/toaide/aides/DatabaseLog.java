package com.toaide.aides;

import com.toaide.kernel.Checkpoint;
import com.toaide.kernel.Log;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Snapshot;
import java.util.List;
import java.util.UUID;
import com.toaide.kernel.Json;

/** One aide's stored log and checkpoints, read in the caller's transaction (so under its row-level security). */
final class DatabaseLog implements Log {
    

    private final AideDao dao;
    private final UUID aideId;

    DatabaseLog(AideDao dao, UUID aideId) {
        this.dao = dao;
        this.aideId = aideId;
    }

    @Override
    public Checkpoint checkpointAtOrBefore(long seq) {
        return dao.checkpoint(aideId, seq, true)
                .map(row -> Checkpoint.of(row.seq(), Snapshot.fromJson(Json.MAPPER.readTree(row.state())), Json.MAPPER.readTree(row.bookkeeping())))
                .orElseGet(Checkpoint::start);
    }

    /** The latest checkpoint's bookkeeping, without its snapshot: for resuming from {@code aides.state}. */
    Checkpoint latestBookkeeping() {
        return dao.checkpoint(aideId, Long.MAX_VALUE, false)
                .map(row -> Checkpoint.of(row.seq(), null, Json.MAPPER.readTree(row.bookkeeping())))
                .orElseGet(Checkpoint::start);
    }

    @Override
    public List<LogEntry> entries(long after, long upto) {
        return dao.eventsBetween(aideId, after, upto).stream().map(StoredEvent::toEntry).toList();
    }

    @Override
    public List<LogEntry> batch(String batchId, long upto) {
        return dao.batchEvents(aideId, batchId, upto).stream().map(StoredEvent::toEntry).toList();
    }

    /** Stores a checkpoint the history just took. */
    void keep(Checkpoint checkpoint) {
        dao.keepCheckpoint(aideId, checkpoint.seq(), checkpoint.snapshot().toJson().toString(), checkpoint.bookkeepingJson().toString());
    }
}
