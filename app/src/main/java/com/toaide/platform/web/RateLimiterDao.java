package com.toaide.platform.web;

import java.time.Instant;
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
}
