package com.toaide.kernel;

import java.util.List;

/**
 * Where a {@link History} reads the parts of an aide's log it does not hold: the stored log
 * and its checkpoints (the database in the app, a list in tests). Reads only.
 */
public interface Log {
    /** The latest checkpoint at or before {@code seq} with a fresh snapshot the caller may change; {@link Checkpoint#start()} when there is none. */
    Checkpoint checkpointAtOrBefore(long seq);

    /** The entries with {@code after < seq <= upto}, in seq order. */
    List<LogEntry> entries(long after, long upto);

    /** The entries of one batch (markers excluded) up to {@code upto}, in seq order. */
    List<LogEntry> batch(String batchId, long upto);
}
