package com.toaide.platform.mail;

import java.util.OptionalInt;

/**
 * The provider did not accept the email. The message carries the HTTP status and the
 * provider's error name, never the address or the body, so it is safe to log and report.
 */
public final class EmailNotSent extends RuntimeException {

    private final int status;

    EmailNotSent(String message, int status) {
        super(message);
        this.status = status;
    }

    EmailNotSent(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The provider's HTTP status; empty when no answer came (unreachable, timed out). */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
