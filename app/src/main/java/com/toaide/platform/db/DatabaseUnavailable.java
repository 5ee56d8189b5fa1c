package com.toaide.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The database did not answer, or every connection stayed busy past the pool's wait: shown as a
 * 503 with a plain message, never a stack trace.
 */
public final class DatabaseUnavailable extends RuntimeException {
    private final boolean busy;

    public DatabaseUnavailable(Throwable cause) {
        super("The database is not reachable", cause);
        this.busy = poolExhausted(cause);
    }

    /** True when the database answers but all connections were in use: overload, not an outage. */
    public boolean busy() {
        return busy;
    }

    /**
     * The SQLSTATE behind it, for logs: unlike the messages of the driver and Jdbi, it quotes no
     * statement values. Empty when the pool simply had no free connection.
     */
    public Optional<String> sqlState() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    // Hikari names the last connection failure as the cause when the database is unreachable;
    // a wait that simply timed out on a full pool has none.
    private static boolean poolExhausted(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null;
            }
        }
        return false;
    }
}
