package com.toaide.platform.db;

/** The database did not answer: shown as a 503 with a plain message, never a stack trace. */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(Throwable cause) {
        super("The database is not reachable", cause);
    }
}
