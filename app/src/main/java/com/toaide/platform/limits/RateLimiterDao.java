package com.toaide.platform.limits;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface RateLimiterDao {
    /** One more hit in the window; the count including it. Atomic under concurrency. */
    @SqlQuery("""
            insert into rate_limits as r (key, window_start, count)
            values (:key, :windowStart, 1)
            on conflict (key, window_start) do update set count = r.count + 1
            returning r.count
            """)
    int hit(@Bind("key") String key, @Bind("windowStart") Instant windowStart);

    /** A window's count across every instance. */
    record Total(String key, Instant windowStart, int count) {}

    /** Adds many hits at once (windows given by their start in epoch seconds); the new counts. */
    @SqlQuery("""
            insert into rate_limits as r (key, window_start, count)
            select key, to_timestamp(start), added
              from unnest(cast(:keys as text[]), cast(:starts as bigint[]), cast(:adds as int[])) as hits(key, start, added)
            on conflict (key, window_start) do update set count = r.count + excluded.count
            returning r.key, r.window_start, r.count
            """)
    @RegisterConstructorMapper(Total.class)
    List<Total> add(@Bind("keys") String[] keys, @Bind("starts") Long[] starts, @Bind("adds") Integer[] adds);
}
