package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link Log} held in memory: a whole log read at once, or one built up in tests. */
public final class MemoryLog implements Log {
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();

    /** A log of these entries (in any order; they are sorted by seq), without checkpoints. */
    public MemoryLog(List<LogEntry> entries) {
        this.entries.addAll(entries);
        this.entries.sort(Comparator.comparingLong(LogEntry::seq));
    }

    /** Appends entries that follow the last one. */
    public void append(List<LogEntry> more) {
        entries.addAll(more);
    }

    /** Keeps a checkpoint (a copy: the one given may share a live snapshot). */
    public void keep(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.seq(), withSnapshot(checkpoint, checkpoint.snapshot().copy()));
    }

    /** The checkpoints kept, oldest first. */
    public List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints.values());
    }

    @Override
    public Checkpoint checkpointAtOrBefore(long seq) {
        Map.Entry<Long, Checkpoint> kept = checkpoints.floorEntry(seq);
        return kept == null ? Checkpoint.start() : withSnapshot(kept.getValue(), kept.getValue().snapshot().copy());
    }

    @Override
    public List<LogEntry> entries(long after, long upto) {
        List<LogEntry> range = new ArrayList<>();
        for (int i = firstAfter(after); i < entries.size() && entries.get(i).seq() <= upto; i++) {
            range.add(entries.get(i));
        }
        return range;
    }

    @Override
    public List<LogEntry> batch(String batchId, long upto) {
        List<LogEntry> batch = new ArrayList<>();
        for (LogEntry entry : entries) {
            if (entry.seq() <= upto && !entry.isMarker() && entry.batch().equals(batchId)) {
                batch.add(entry);
            }
        }
        return batch;
    }

    private int firstAfter(long seq) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).seq() <= seq) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static Checkpoint withSnapshot(Checkpoint checkpoint, Snapshot snapshot) {
        return new Checkpoint(checkpoint.seq(), snapshot, checkpoint.done(), checkpoint.undone(), checkpoint.recent(),
                checkpoint.openBatch(), checkpoint.lastBatch());
    }
}
