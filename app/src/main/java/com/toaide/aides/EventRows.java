package com.toaide.aides;

import com.toaide.kernel.LogEntry;
import java.util.List;

/**
 * New {@code aide_events} rows as columns, so one statement can insert them all with
 * {@code unnest} ({@link EditDao#write}).
 */
record EventRows(Long[] seqs, String[] batches, String[] actors, String[] sources, String[] times, String[] events) {
    static EventRows of(List<LogEntry> entries) {
        int size = entries.size();
        var rows = new EventRows(new Long[size], new String[size], new String[size], new String[size], new String[size], new String[size]);
        for (int i = 0; i < size; i++) {
            var entry = entries.get(i);
            rows.seqs[i] = entry.seq();
            rows.batches[i] = entry.batch();
            rows.actors[i] = entry.actor();
            rows.sources[i] = entry.source().json();
            rows.times[i] = entry.ts();
            rows.events[i] = entry.eventJson();
        }
        return rows;
    }
}
