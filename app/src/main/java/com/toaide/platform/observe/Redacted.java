package com.toaide.platform.observe;

/**
 * A copy of an exception fit for logs: the types and stack frames of the whole cause chain, no
 * messages. Messages of database and library errors can quote the values involved (emails, prop
 * values), which must never reach a log.
 */
public final class Redacted extends RuntimeException {
    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static Throwable of(Throwable error) {
        if (error == null) {
            return null;
        }
        return new Redacted(error, error.getCause() == error ? null : of(error.getCause()));
    }
}
