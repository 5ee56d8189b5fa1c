package com.toaide.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the JVM logs while this is open (through the root logger), as text, so a test can check
 * that user content never reaches a log (privacy, docs/operations.md). Loggers that do not pass events
 * to the root (the request log) are not seen.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs() {
        appender.setName("captured-logs");
        appender.start();
        root.addAppender(appender);
    }

    public static CapturedLogs start() {
        return new CapturedLogs();
    }

    /** Each event so far: its message, then the type and message of every throwable in its cause chain. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        // The appender adds events while holding its own lock.
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        var lines = new ArrayList<String>();
        for (var event : events) {
            var line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
                line.append(" | ").append(error.getClassName()).append(": ").append(error.getMessage());
                for (IThrowableProxy suppressed : error.getSuppressed()) {
                    line.append(" | suppressed ").append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
