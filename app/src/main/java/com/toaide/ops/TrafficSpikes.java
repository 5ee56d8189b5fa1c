package com.toaide.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells operators when traffic jumps well above its recent level (the plan's "traffic spike"
 * alert): requests to this instance and sign-ups, each counted per minute. A finished minute is
 * a spike when it is above both a floor and {@link #FACTOR} times the average of the hour
 * before it; each kind alerts at most once an hour. Counting is one atomic add per request;
 * the Slack call runs on a thread of its own, so no request waits for it.
 */
public final class TrafficSpikes implements AutoCloseable {
    static final int FACTOR = 5;
    static final long REQUESTS_FLOOR = 3_000;
    static final long SIGN_UPS_FLOOR = 30;
    static final Duration QUIET_AFTER_ALERT = Duration.ofHours(1);
    private static final int HISTORY_MINUTES = 60;

    private final Clock clock;
    private final Alerts alerts;
    private final Counter requests;
    private final Counter signUps;
    // One sender, a short queue: alerts are rare, and a stuck webhook must not pile them up.
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10), runnable -> {
                var thread = new Thread(runnable, "traffic-alerts");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public TrafficSpikes(Clock clock, Alerts alerts) {
        this(clock, alerts, REQUESTS_FLOOR, SIGN_UPS_FLOOR);
    }

    /** Floors given by tests, which cannot send thousands of requests a minute on a shared machine. */
    public TrafficSpikes(Clock clock, Alerts alerts, long requestsFloor, long signUpsFloor) {
        this.clock = clock;
        this.alerts = alerts;
        this.requests = new Counter("Requests to this instance", requestsFloor);
        this.signUps = new Counter("Sign-ups", signUpsFloor);
    }

    public void request() {
        requests.hit();
    }

    public void signUp() {
        signUps.hit();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    /** Per-minute counts of one kind over the last hour; the minute in progress counted lock-free. */
    private final class Counter {
        private final String what;
        private final long floor;
        private final long[] history = new long[HISTORY_MINUTES];
        private final AtomicLong current = new AtomicLong();
        private volatile long currentMinute = minuteNow();
        private long minutesSeen;
        private long quietUntilMillis;

        Counter(String what, long floor) {
            this.what = what;
            this.floor = floor;
        }

        void hit() {
            if (minuteNow() != currentMinute) {
                rollOver();
            }
            current.incrementAndGet();
        }

        private synchronized void rollOver() {
            long now = minuteNow();
            if (now == currentMinute) {
                return;
            }
            long finished = current.getAndSet(0);
            long baselineSum = 0;
            int baselineMinutes = (int) Math.min(minutesSeen, HISTORY_MINUTES);
            for (int i = 0; i < baselineMinutes; i++) {
                baselineSum += history[i];
            }
            double baseline = baselineMinutes == 0 ? 0 : (double) baselineSum / baselineMinutes;
            if (finished > floor && finished > FACTOR * baseline && clock.millis() >= quietUntilMillis) {
                quietUntilMillis = clock.millis() + QUIET_AFTER_ALERT.toMillis();
                String text = "Traffic spike: " + what + " reached " + finished + " in a minute, against an average of "
                        + Math.round(baseline) + " a minute over the hour before. Check Sentry and the request log; "
                        + "the abuse check pauses single heavy users by itself.";
                sender.execute(() -> alerts.send(text));
            }
            // The finished minute joins the history; minutes without a hit count as zero.
            long gap = Math.min(now - currentMinute, HISTORY_MINUTES);
            for (long i = 0; i < gap; i++) {
                System.arraycopy(history, 0, history, 1, HISTORY_MINUTES - 1);
                history[0] = i == 0 ? finished : 0;
                minutesSeen++;
            }
            currentMinute = now;
        }
    }

    private long minuteNow() {
        return Math.floorDiv(clock.millis(), 60_000L);
    }
}
