package com.toaide.platform.observe;

import io.sentry.Sentry;
import io.sentry.protocol.User;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports unexpected errors to Sentry, once each, with the request id, route and user UUID only:
 * {@code sendDefaultPii=false}, no message text, emails or prop values (security.md).
 * With no DSN it does nothing.
 */
public final class ErrorReporter implements AutoCloseable {
    private final boolean enabled;

    public ErrorReporter(Optional<String> dsn, String environment, String release) {
        this.enabled = dsn.isPresent();
        if (enabled) {
            Sentry.init(options -> {
                options.setDsn(dsn.get());
                options.setSendDefaultPii(false);
                options.setEnvironment(environment);
                options.setRelease(release);
                options.setAttachStacktrace(true);
                options.setEnableUncaughtExceptionHandler(false);
            });
        }
    }

    public void report(Throwable error, String requestId, String route, UUID userId) {
        if (!enabled) {
            return;
        }
        Sentry.withScope(scope -> {
            scope.setTag("request_id", requestId);
            scope.setTag("route", route);
            if (userId != null) {
                var user = new User();
                user.setId(userId.toString());
                scope.setUser(user);
            }
            Sentry.captureException(error);
        });
    }

    @Override
    public void close() {
        if (enabled) {
            Sentry.close();
        }
    }
}
