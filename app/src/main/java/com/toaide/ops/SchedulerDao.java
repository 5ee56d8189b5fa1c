package com.toaide.ops;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface SchedulerDao {
    /** Held until the transaction ends; false when another instance holds it. */
    @SqlQuery("select pg_try_advisory_xact_lock(:key)")
    boolean tryLock(@Bind("key") long key);

    /**
     * Claims {@code slot} for the job; false when this slot (or a later one) was already run.
     * Rolled back with the transaction, so a job that failed may be retried by the next tick.
     */
    @SqlQuery("""
            with claimed as (
                insert into scheduled_runs as r (job, last_slot, last_run_at)
                values (:job, :slot, now())
                on conflict (job) do update set last_slot = excluded.last_slot, last_run_at = now()
                    where r.last_slot < excluded.last_slot
                returning 1
            )
            select count(*) > 0 from claimed
            """)
    boolean claim(@Bind("job") String job, @Bind("slot") long slot);
}
