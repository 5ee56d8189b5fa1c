package com.toaide.platform.limits;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The shared counters, in plain JDBC: the buffered limiter adds every counted window once a
 * second, hundreds of rows at a time, and mapping them through a Jdbi SQL object cost more
 * CPU than the statement (docs/performance.md).
 */
final class RateLimiterDao {
    private static final String HIT = """
            insert into rate_limits as r (key, window_start, count)
            values (?, ?, 1)
            on conflict (key, window_start) do update set count = r.count + 1
            returning r.count
            """;
    private static final String ADD = """
            insert into rate_limits as r (key, window_start, count)
            select key, to_timestamp(start), added
              from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as int[])) as hits(key, start, added)
            on conflict (key, window_start) do update set count = r.count + excluded.count
            returning r.key, extract(epoch from r.window_start)::bigint, r.count
            """;

    /**
     * For this transaction only: commit without waiting for the WAL to reach the disk. Counters
     * are not worth that wait: a crash loses at most the last fraction of a second of them. A
     * flush that waited held the commits of the edits behind its own, once a second: at 500
     * edits a second the edits' p99 went from about 12 to 19 ms (docs/performance.md).
     */
    private static final String RELAXED_COMMIT = "select set_config('synchronous_commit', 'off', true)";

    /** A window's count across every instance; the window by its start in epoch seconds. */
    record Total(String key, long windowStart, int count) {}

    private final Connection connection;

    RateLimiterDao(Handle handle) {
        this.connection = handle.getConnection();
    }

    /** One more hit in the window; the count including it. Atomic under concurrency. */
    int hit(String key, Instant windowStart) {
        try (var statement = connection.prepareStatement(HIT)) {
            statement.setString(1, key);
            statement.setObject(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Adds many hits at once (windows given by their start in epoch seconds); the new counts.
     * Its transaction commits without waiting for the disk ({@link #RELAXED_COMMIT}).
     */
    List<Total> add(String[] keys, Long[] starts, Integer[] adds) {
        try (var relaxed = connection.prepareStatement(RELAXED_COMMIT)) {
            relaxed.execute();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        try (var statement = connection.prepareStatement(ADD)) {
            statement.setArray(1, connection.createArrayOf("text", keys));
            statement.setArray(2, connection.createArrayOf("bigint", starts));
            statement.setArray(3, connection.createArrayOf("integer", adds));
            try (var rows = statement.executeQuery()) {
                var totals = new ArrayList<Total>(keys.length);
                while (rows.next()) {
                    totals.add(new Total(rows.getString(1), rows.getLong(2), rows.getInt(3)));
                }
                return totals;
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
