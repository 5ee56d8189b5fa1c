package com.toaide.platform.observe;

import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts and closes the Sentry client that {@link FailureReporter} reports unexpected errors
 * to, once each, with the request id, route (or task) and user UUID only:
 * {@code sendDefaultPii=false}, no message text, emails or prop values (docs/operations.md, "What Sentry receives").
 * With no DSN it does nothing.
 *
 * <p>{@link #scrub} runs as Sentry's {@code beforeSend} and keeps only what is known to be
 * safe: exception types and stack frames, the two tags and the user's id. Exception messages
 * are dropped because they can quote user data (a failed statement's bound values, a parser's
 * input); the request id finds the full story in our own logs.
 */
public final class ErrorReporter implements AutoCloseable {
    static final Set<String> KEPT_TAGS = Set.of("request_id", "route", "task");
    static final String MESSAGE_REMOVED = "(message removed)";

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
                options.setAttachThreads(false);
                options.setAttachServerName(false);
                options.setEnableUncaughtExceptionHandler(false);
                options.setSendClientReports(false);
                options.setMaxBreadcrumbs(0);
                options.setBeforeSend((event, hint) -> scrub(event));
            });
        }
    }

    /** Keeps exception types and frames, the kept tags and the user id; drops everything else. */
    static SentryEvent scrub(SentryEvent event) {
        event.setMessage(null);
        event.setRequest(null);
        event.setBreadcrumbs(null);
        event.setExtras(null);
        event.setServerName(null);
        event.setThreads(null);
        event.setModules(null);
        event.setLogger(null);
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(MESSAGE_REMOVED);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (event.getTags() != null) {
            event.getTags().forEach((key, value) -> {
                if (KEPT_TAGS.contains(key)) {
                    tags.put(key, value);
                }
            });
        }
        event.setTags(tags);
        User user = event.getUser();
        if (user != null) {
            var idOnly = new User();
            idOnly.setId(user.getId());
            event.setUser(idOnly);
        }
        return event;
    }

    @Override
    public void close() {
        if (enabled) {
            Sentry.close();
        }
    }
}
