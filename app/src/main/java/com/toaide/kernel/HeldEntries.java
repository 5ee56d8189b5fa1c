package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

/**
 * The log entries a {@link History} holds since its last checkpoint, in seq order, with each
 * batch's events found by id. A history whose log is stored (the server's open aides) holds
 * none: an entry costs about 500 bytes until the next checkpoint, which made the open aides' logs
 * the collector's old-generation growth (docs/performance.md), and undo reads the stored log anyway.
 */
final class HeldEntries {
    private final boolean holds;
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    private final HashMap<String, List<LogEntry>> eventsByBatch = new HashMap<>();

    HeldEntries(boolean holds) {
        this.holds = holds;
    }

    boolean holds() {
        return holds;
    }

    void add(LogEntry entry) {
        if (!holds) {
            return;
        }
        entries.add(entry);
        if (!entry.isMarker()) {
            eventsByBatch.computeIfAbsent(entry.batch(), id -> new ArrayList<>()).add(entry);
        }
    }

    /** The events held for {@code batch}, or null when none are (some may be before the window). */
    List<LogEntry> eventsOf(String batch) {
        return eventsByBatch.get(batch);
    }

    List<LogEntry> list() {
        return Collections.unmodifiableList(entries);
    }

    void clear() {
        entries.clear();
        eventsByBatch.clear();
    }
}
