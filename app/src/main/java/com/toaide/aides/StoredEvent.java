package com.toaide.aides;

import com.toaide.kernel.Json;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Source;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One {@code aide_events} row (public only so Jdbi can bind its accessors). */
public record StoredEvent(long seq, String batch, String actor, String source, Instant ts, String event) {
    /**
     * The envelope time as the kernel sees it. Always three fraction digits, so a time read
     * back from Postgres prints exactly as it did when it was applied and replay is exact.
     */
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * {@link #TS}'s text, written by hand: the formatter's fraction printer made several
     * BigDecimals for every edit's time. Years outside 0-9999 go through the formatter.
     */
    static String format(Instant instant) {
        var time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return TS.format(instant);
        }
        var text = new StringBuilder(24);
        padded(text, time.getYear(), 4).append('-');
        padded(text, time.getMonthValue(), 2).append('-');
        padded(text, time.getDayOfMonth(), 2).append('T');
        padded(text, time.getHour(), 2).append(':');
        padded(text, time.getMinute(), 2).append(':');
        padded(text, time.getSecond(), 2).append('.');
        return padded(text, time.getNano() / 1_000_000, 3).append('Z').toString();
    }

    private static StringBuilder padded(StringBuilder text, int value, int digits) {
        int unit = 1;
        for (int digit = 1; digit < digits; digit++) {
            unit *= 10;
        }
        for (; unit > 0; unit /= 10) {
            text.append((char) ('0' + value / unit % 10));
        }
        return text;
    }

    static StoredEvent of(LogEntry entry) {
        return new StoredEvent(entry.seq(), entry.batch(), entry.actor(), entry.source().json(),
                Instant.from(TS.parse(entry.ts())), entry.eventJson());
    }

    LogEntry toEntry() {
        return new LogEntry(seq, batch, actor, Source.named(source), format(ts), Json.MAPPER.readTree(event));
    }
}
