package com.toaide.ops;

import com.toaide.platform.db.Database;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Holds a scheduled job's lease, as an instance running that job would. Every app a test starts
 * runs its own scheduler (the abuse check once a minute, on a tick of its own), so a test that
 * sets up a state and then expects one outcome from it holds the job meanwhile: the app's
 * scheduler skips that run, as it skips a job another instance is running.
 */
public final class JobLock {
    private JobLock() {}

    public static <T> T holding(Database db, String job, Supplier<T> work) {
        UUID holder = UUID.randomUUID();
        // Waits for a run already under way, so it cannot see half the setup either.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!lease(db, job, holder)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job + " stayed leased for 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        try {
            return work.get();
        } finally {
            db.asSystem(h -> h.createUpdate("update scheduled_runs set lease_holder = null, lease_until = null where job = :job and lease_holder = :holder")
                    .bind("job", job).bind("holder", holder).execute());
        }
    }

    private static boolean lease(Database db, String job, UUID holder) {
        return db.asSystem(h -> h.createUpdate("""
                        insert into scheduled_runs as r (job, last_slot, lease_holder, lease_until)
                        values (:job, -1, :holder, now() + interval '10 minutes')
                        on conflict (job) do update
                            set lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
                            where r.lease_until is null or r.lease_until < now()
                        """)
                .bind("job", job).bind("holder", holder).execute()) == 1;
    }
}
