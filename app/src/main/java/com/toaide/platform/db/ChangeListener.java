package com.toaide.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one Postgres NOTIFY channel over a connection of its own, so several app instances
 * on one database hear each other's changes. Reconnects by itself when the database goes away;
 * after a reconnect it calls {@code onResync}, because notices sent meanwhile were lost.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");
    private static final int POLL_MILLIS = 250;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ConnectionSettings settings;
    private final String channel;
    private final Consumer<String> onNotice;
    private final Runnable onResync;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    public ChangeListener(ConnectionSettings settings, String channel, Consumer<String> onNotice, Runnable onResync) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel " + channel);
        }
        this.settings = settings;
        this.channel = channel;
        this.onNotice = onNotice;
        this.onResync = onResync;
        this.thread = new Thread(this::run, "listen-" + channel);
        this.thread.setDaemon(true);
    }

    public ChangeListener start() {
        thread.start();
        return this;
    }

    /** True while a LISTEN connection is open (tests wait for it before sending). */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        long backoff = 100;
        boolean first = true;
        while (running) {
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                 var statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                listening = true;
                backoff = 100;
                if (!first) {
                    onResync.run();
                }
                first = false;
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
                    if (notices == null) {
                        continue;
                    }
                    for (PGNotification notice : notices) {
                        deliver(notice.getParameter());
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("Change listener lost the database ({}); retrying in {} ms", e.getSQLState(), backoff);
                    LockSupport.parkNanos(Duration.ofMillis(backoff).toNanos());
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                }
            }
        }
        listening = false;
    }

    private void deliver(String payload) {
        try {
            onNotice.accept(payload);
        } catch (RuntimeException e) {
            log.error("A change notice could not be handled", e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
