package com.toaide.kernel;

import java.util.List;

/**
 * What one user action did: one {@link Result} per event sent (same order), and the log
 * entries it appended (accepted events only; none when every event was rejected).
 *
 * @param version the aide's version after the action: the seq of its last log entry
 */
public record BatchResult(List<Result> results, List<LogEntry> entries, long version) {
    public BatchResult {
        results = List.copyOf(results);
        entries = List.copyOf(entries);
    }

    public boolean anyAccepted() {
        return !entries.isEmpty();
    }
}
