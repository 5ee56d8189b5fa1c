package com.toaide.platform.observe;

import io.sentry.Sentry;
import io.sentry.protocol.User;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * The one way an unexpected failure is handled, on every path: a request, a job, an AI turn, a
 * listener, the automatic publisher. It is logged once, as types and stack frames without any
 * message ({@link Redacted}: messages can quote what users wrote), and reported to Sentry once
 * with a few safe tags ({@link ErrorReporter} scrubs the rest). Sentry is the SDK's process-wide
 * client, started and closed by {@link ErrorReporter}; without a DSN it sends nothing.
 */
public final class FailureReporter {
    private FailureReporter() {}

    /** A request that failed unexpectedly (a 500). */
    public static void request(Logger log, Throwable error, String method, String requestId, String route, UUID userId) {
        log.error("Unexpected error on {} {} (request {})", method, route, requestId, Redacted.of(error));
        send(error, userId, "request_id", requestId, "route", route);
    }

    /**
     * Work off the request path that failed unexpectedly.
     *
     * @param task   what failed, in words that carry no user data ("job cleanup", "AI turn")
     * @param userId whose work it was, or null
     */
    public static void background(Logger log, String task, Throwable error, UUID userId) {
        log.error("{} failed", task, Redacted.of(error));
        send(error, userId, "task", task, null, null);
    }

    private static void send(Throwable error, UUID userId, String tag, String value, String otherTag, String otherValue) {
        if (!Sentry.isEnabled()) {
            return;
        }
        Sentry.withScope(scope -> {
            scope.setTag(tag, value);
            if (otherTag != null) {
                scope.setTag(otherTag, otherValue);
            }
            if (userId != null) {
                var user = new User();
                user.setId(userId.toString());
                scope.setUser(user);
            }
            Sentry.captureException(error);
        });
    }
}
