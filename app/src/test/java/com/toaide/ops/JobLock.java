package com.toaide.ops;

import com.toaide.platform.db.Database;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Holds a scheduled job's lock, as an instance running that job would. Every app a test starts
 * runs its own scheduler (the abuse check once a minute, on a tick of its own), so a test that
 * sets up a state and then expects one outcome from it holds the job meanwhile: the app's
 * scheduler skips that run, as it skips a job another instance is running.
 */
public final class JobLock {
    private JobLock() {}

    public static <T> T holding(Database db, String job, Supplier<T> work) {
        long key = Scheduler.lockKey(job);
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            // Waits for a run already under way, so it cannot see half the setup either.
            statement.execute("select pg_advisory_lock(" + key + ")");
            try {
                return work.get();
            } finally {
                statement.execute("select pg_advisory_unlock(" + key + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
