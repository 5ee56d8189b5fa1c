package com.toaide.platform.web;

import java.time.Duration;
import java.util.Optional;

/**
 * An expected failure a feature reports to the user: an HTTP status and a message in the
 * product's voice (and, for limits, when to try again). Mapped once, in {@link Errors}.
 */
public class Problem extends RuntimeException {
    private final int status;
    private final Duration retryAfter;
    private final String logDetail;

    public Problem(int status, String message) {
        this(status, message, null);
    }

    public Problem(int status, String message, Duration retryAfter) {
        this(status, message, retryAfter, null, null);
    }

    /**
     * @param logDetail what operators need to know (logged, never shown), or null
     * @param cause     the failure behind it, or null
     */
    public Problem(int status, String message, Duration retryAfter, String logDetail, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.logDetail = logDetail;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> logDetail() {
        return Optional.ofNullable(logDetail);
    }

    public static Problem notFound() {
        return new Problem(404, null);
    }
}
