package com.toaide.platform.db;

import com.toaide.platform.observe.FailureReporter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the instance's Postgres NOTIFY channels over one connection of its own, so several
 * app instances on one database hear each other's changes. The connection must be direct: a
 * transaction-mode pooler accepts LISTEN and delivers nothing.
 *
 * <p>One connection for every channel, not one each: Postgres wakes every listening session on
 * each notifying commit, whatever its channels, so each extra listening connection was an extra
 * backend woken (and a direct connection held) for every batch of change notices.
 *
 * <p>It holds its connection only while the instance is {@linkplain Activity#busy() busy}: when
 * idle it lets go (so the database may sleep, and a sleeping Neon compute closes it anyway) and
 * comes back on the next request. It reconnects by itself when the database goes away. After
 * any gap it calls every channel's {@code onResync}, because notices sent meanwhile were lost.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");
    private static final int POLL_MILLIS = 250;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /**
     * After delivering notices the listener waits this long before reading again, so a busy
     * channel's notices are read many at a time: one wake-up per notice cost the instance
     * about a tenth of an edit's CPU at 500 edits/s (docs/performance.md). As long as the
     * sender's pause ({@link Notices}), so several instances' batches are read together. A
     * notice waits at most this long more; a quiet channel's first notice is read at once.
     */
    private static final long GATHER_NANOS = Duration.ofMillis(25).toNanos();

    /** How often an idle listener looks again whether something keeps the instance awake. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    /** A channel's name, what hears its notices, and what forgets what may have gone stale after a gap. */
    public record Channel(String name, Consumer<String> onNotice, Runnable onResync) {
        public Channel {
            if (!CHANNEL.matcher(name).matches()) {
                throw new IllegalArgumentException("channel " + name);
            }
        }
    }

    private final ConnectionSettings settings;
    private final Activity activity;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    public ChangeListener(ConnectionSettings settings, Activity activity, List<Channel> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no channels");
        }
        this.settings = settings;
        this.activity = activity;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.thread = new Thread(this::run, "listen");
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
            if (!awaitBusy()) {
                continue;
            }
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                 var statement = connection.createStatement()) {
                for (String channel : channels.keySet()) {
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                backoff = 100;
                if (!first) {
                    resync();
                }
                first = false;
                var pg = connection.unwrap(PGConnection.class);
                while (running && activity.busy()) {
                    PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
                    if (notices == null) {
                        continue;
                    }
                    for (PGNotification notice : notices) {
                        deliver(notice.getName(), notice.getParameter());
                    }
                    LockSupport.parkNanos(GATHER_NANOS);
                }
                // Let go while idle. What the channel's users remember may go stale meanwhile, so
                // they forget it now, not only when listening again (a request may come first).
                listening = false;
                resync();
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

    /** False when idle (or stopping): nothing to listen for yet. */
    private boolean awaitBusy() {
        try {
            return activity.awaitBusy(IDLE_CHECK);
        } catch (InterruptedException e) {
            // close() interrupts to stop; the loop checks running.
            return false;
        }
    }

    private void deliver(String name, String payload) {
        Channel channel = channels.get(name);
        if (channel == null) {
            return;
        }
        try {
            channel.onNotice().accept(payload);
        } catch (RuntimeException e) {
            FailureReporter.background(log, "Change notice on " + name, e, null);
        }
    }

    private void resync() {
        for (Channel channel : channels.values()) {
            try {
                channel.onResync().run();
            } catch (RuntimeException e) {
                FailureReporter.background(log, "Resync of " + channel.name(), e, null);
            }
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
