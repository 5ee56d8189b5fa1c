package com.toaide.ops;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface SchedulerDao {
    /**
     * Leases the job to {@code holder} for {@code leaseSeconds}, to run {@code slot}; false when
     * this slot (or a later one) already ran or another holder's lease has not yet expired. A job
     * seen for the first time gets its row with no slot run ({@code -1}).
     */
    @SqlQuery("""
            with claimed as (
                insert into scheduled_runs as r (job, last_slot, lease_holder, lease_until)
                values (:job, -1, :holder, now() + :leaseSeconds * interval '1 second')
                on conflict (job) do update
                    set lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
                    where r.last_slot < :slot and (r.lease_until is null or r.lease_until < now())
                returning 1
            )
            select count(*) > 0 from claimed
            """)
    boolean claim(@Bind("job") String job, @Bind("slot") long slot, @Bind("holder") UUID holder, @Bind("leaseSeconds") long leaseSeconds);

    /** After a failed claim: whether it failed because the slot already ran (else someone holds the lease). */
    @SqlQuery("select coalesce(max(last_slot), -1) >= :slot from scheduled_runs where job = :job")
    boolean alreadyRan(@Bind("job") String job, @Bind("slot") long slot);

    /** Pushes the lease on while the job still runs; false when it is no longer this holder's. */
    @SqlUpdate("""
            update scheduled_runs set lease_until = now() + :leaseSeconds * interval '1 second'
            where job = :job and lease_holder = :holder
            """)
    boolean renew(@Bind("job") String job, @Bind("holder") UUID holder, @Bind("leaseSeconds") long leaseSeconds);

    /** Records the slot as run and ends the lease. */
    @SqlUpdate("""
            update scheduled_runs
            set last_slot = greatest(last_slot, :slot), last_run_at = now(), lease_holder = null, lease_until = null
            where job = :job and lease_holder = :holder
            """)
    void finish(@Bind("job") String job, @Bind("slot") long slot, @Bind("holder") UUID holder);

    /** Ends the lease without recording the slot: a failed run may be retried in the same slot. */
    @SqlUpdate("""
            update scheduled_runs set lease_holder = null, lease_until = null
            where job = :job and lease_holder = :holder
            """)
    void release(@Bind("job") String job, @Bind("holder") UUID holder);
}
