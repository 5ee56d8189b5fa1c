package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written envelope time against the formatter it replaces. */
class StoredEventTest {
    @Test
    void the_envelope_time_reads_as_the_formatter_writes_it_for_any_instant() {
        var random = new Random(15);
        var edges = new Instant[] {Instant.EPOCH, Instant.parse("1999-12-31T23:59:59.999999999Z"),
                Instant.parse("2026-02-28T00:00:00.001Z"), Instant.parse("2028-02-29T12:30:05.100Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T00:00:00Z")};
        for (Instant instant : edges) {
            assertThat(StoredEvent.format(instant)).isEqualTo(StoredEvent.TS.format(instant));
        }
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(latest), random.nextInt(1_000_000_000));
            assertThat(StoredEvent.format(instant)).isEqualTo(StoredEvent.TS.format(instant));
        }
    }
}
