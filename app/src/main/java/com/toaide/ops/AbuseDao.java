package com.toaide.ops;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(AbuseDao.Over.class)
interface AbuseDao {
    /** One subject over a threshold, and its count. */
    record Over(String subject, long count) {}

    /** A user limited until a time. */
    record Limited(UUID id, Instant until) {}

    /** System path: every user limited past {@code now}. */
    @SqlQuery("select id, limited_until as until from users where limited_until > :now")
    @RegisterConstructorMapper(Limited.class)
    List<Limited> limitedAfter(@Bind("now") Instant now);

    @SqlQuery("""
            select t.user_id::text as subject, count(*) as count
            from turns t join users u on u.id = t.user_id
            where u.tier = 'free' and t.started_at > :since
            group by t.user_id
            having count(*) > :max
            """)
    List<Over> freeTurnsSince(@Bind("since") Instant since, @Bind("max") int max);

    @SqlQuery("""
            select user_id::text as subject, count(*) as count
            from aides
            where created_at > :since
            group by user_id
            having count(*) > :max
            """)
    List<Over> aidesCreatedSince(@Bind("since") Instant since, @Bind("max") int max);

    /** Request counters (rate_limits rows named {@code <prefix>:<subject>}), the busiest window since {@code since}. */
    @SqlQuery("""
            select substr(key, length(:prefix) + 2) as subject, max(count) as count
            from rate_limits
            where key like :prefix || ':%' and window_start >= :since
            group by key
            having max(count) > :max
            """)
    List<Over> busiestWindowSince(@Bind("prefix") String prefix, @Bind("since") Instant since, @Bind("max") int max);

    /** Request counters summed over every window since {@code since}. */
    @SqlQuery("""
            select substr(key, length(:prefix) + 2) as subject, sum(count) as count
            from rate_limits
            where key like :prefix || ':%' and window_start >= :since
            group by key
            having sum(count) > :max
            """)
    List<Over> totalSince(@Bind("prefix") String prefix, @Bind("since") Instant since, @Bind("max") int max);

    /** Limits the user unless already limited; true when newly limited (so each is alerted once). */
    @SqlQuery("""
            with limited as (
                update users set limited_until = :until, updated_at = now()
                where id = :id and (limited_until is null or limited_until <= :now)
                returning id
            )
            select count(*) > 0 from limited
            """)
    boolean limit(@Bind("id") UUID id, @Bind("now") Instant now, @Bind("until") Instant until);
}
