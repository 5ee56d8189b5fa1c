package com.toaide.aides;

import com.toaide.kernel.Json;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One {@code aide_events} row (public only so Jdbi can bind its accessors). */
public record StoredEvent(long seq, String batch, String actor, String source, Instant ts, String event) {
    /**
     * The envelope time as the kernel sees it. Always three fraction digits, so a time read
     * back from Postgres prints exactly as it did when it was applied and replay is exact.
     */
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static StoredEvent of(LogEntry entry) {
        return new StoredEvent(entry.seq(), entry.batch(), entry.actor(), entry.source().json(),
                Instant.from(TS.parse(entry.ts())), entry.eventJson());
    }

    LogEntry toEntry() {
        return new LogEntry(seq, batch, actor, Source.named(source), TS.format(ts), Json.MAPPER.readTree(event));
    }
}
