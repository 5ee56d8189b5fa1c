package com.toaide.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NOTIFYs for things already committed, sent by one thread: all that are waiting go in one
 * statement (one round trip) whose transaction does not wait for the disk.
 *
 * <p>Why not in the change's own transaction: Postgres holds one lock on the notification queue
 * from a notifying transaction's pre-commit until its commit record is on disk, so every edit
 * that notified waited for the edits before it to reach the disk, one after another, and each
 * notifying commit woke every listening session: about 0.3 ms of Postgres CPU an edit at 500
 * edits a second (docs/performance.md). What that costs: a notice is sent a moment after its
 * change is committed, and one still waiting when the process dies is lost; the changes
 * themselves are not, and a listener that reconnects sends every open tab the whole page again.
 */
public final class Notices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    /** Notices waiting to be sent; past this they are dropped (and counted in the log). */
    static final int MAX_WAITING = 10_000;
    /** Notices sent in one transaction at most. */
    static final int MAX_BATCH = 500;
    /**
     * After sending, the sender waits this long so that a busy instance's notices go a dozen
     * or more to a transaction: each costs a round trip and a commit, and wakes every listener.
     * At 5 ms the sender and the listener still cost a tenth of an edit's CPU at 500 edits/s
     * (docs/performance.md); 25 ms is still too short for a person to see. A quiet instance's
     * first notice goes at once.
     */
    private static final long GATHER_MILLIS = 25;
    /**
     * One statement, so one round trip: the notices in the order they were sent, and the setting
     * that lets its implicit transaction commit without waiting for the disk (read at the
     * commit, so where it is set in the statement does not matter).
     */
    private static final String SEND = """
            select count(pg_notify(channel, payload)) as sent,
                   (select set_config('synchronous_commit', 'off', true)) as relaxed_commit
              from (select channel, payload
                      from unnest(cast(? as text[]), cast(? as text[])) with ordinality as n(channel, payload, place)
                     order by place) as waiting
            """;

    private record Notice(String channel, String payload) {}

    private final Database db;
    private final BlockingQueue<Notice> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private final AtomicLong dropped = new AtomicLong();
    private Thread sender;
    private volatile boolean closed;

    Notices(Database db) {
        this.db = db;
    }

    /** Sends {@code payload} on {@code channel} soon; call it once what it announces is committed. */
    public void send(String channel, String payload) {
        if (closed) {
            return;
        }
        startOnce();
        if (!waiting.offer(new Notice(channel, payload))) {
            dropped.incrementAndGet();
        }
    }

    private synchronized void startOnce() {
        if (sender == null) {
            sender = new Thread(this::run, "notices");
            sender.setDaemon(true);
            sender.start();
        }
    }

    private void run() {
        var batch = new ArrayList<Notice>();
        while (!closed || !waiting.isEmpty()) {
            try {
                Notice first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            sendQuietly(batch);
            batch.clear();
            if (!closed) {
                try {
                    Thread.sleep(GATHER_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void sendQuietly(List<Notice> batch) {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} notices were dropped: more than {} were waiting to be sent", lost, MAX_WAITING);
        }
        try {
            sendNow(batch);
        } catch (RuntimeException e) {
            // The listeners' connections are then likely down too, and they resync when back.
            log.warn("{} notices were not sent: {}", batch.size(), e.getClass().getSimpleName());
        }
    }

    private void sendNow(List<Notice> batch) {
        String[] channels = batch.stream().map(Notice::channel).toArray(String[]::new);
        String[] payloads = batch.stream().map(Notice::payload).toArray(String[]::new);
        db.statementAsSystem(SEND, (statement, first) -> {
            var connection = statement.getConnection();
            statement.setArray(first, connection.createArrayOf("text", channels));
            statement.setArray(first + 1, connection.createArrayOf("text", payloads));
        }, rows -> rows.next());
    }

    /** Sends what is waiting (for up to five seconds), then stops. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = sender;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.interrupt();
    }
}
