package com.toaide.ops;

import com.toaide.platform.db.Activity;
import com.toaide.platform.db.Database;
import com.toaide.platform.observe.FailureReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-process loop (a single daemon thread) that runs the registered {@link Job}s, safe with
 * several instances on one database:
 * <ul>
 *   <li>time is cut into slots of each job's interval, aligned to the epoch; a job runs at most
 *       once per slot across all instances ({@code scheduled_runs} records the last slot run);</li>
 *   <li>before it runs, an instance leases the job in one short statement ({@link #LEASE}, renewed
 *       while the job runs), so a second instance skips it instead of running it beside the first.</li>
 * </ul>
 * No transaction stays open while a job runs: the job opens its own, and its network calls
 * (S3 listings, Slack) happen outside any. A lease left by an instance that died expires by itself.
 * An idle instance leaves the database alone so it can sleep: a due job
 * runs only while the instance is busy (it served someone within the idle period, which is longer
 * than the shortest job interval, so activity is always followed by a run), or when its last
 * attempt is an hour old ({@link #IDLE_AT_MOST}). A job that throws is reported, its lease is
 * released without recording the slot (another instance may retry it in the same slot), and the
 * loop goes on.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** What one attempt at a job came to. */
    public enum Outcome { RAN, FAILED, RUNNING_ELSEWHERE, ALREADY_RAN, NOT_DUE, IDLE }

    /** How often a job still runs on an instance nobody uses. */
    static final Duration IDLE_AT_MOST = Duration.ofHours(1);

    /**
     * How long a claim holds before another instance may take the job over. Renewed every fifth
     * of it while the job runs, so only an instance that stopped renewing (it died) loses it.
     */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final Database db;
    private final Clock clock;
    private final Duration tick;
    private final Activity activity;
    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, Long> lastSlotSeen = new HashMap<>();
    private final Map<String, Instant> lastAttempt = new HashMap<>();
    private volatile ScheduledExecutorService executor;
    private final ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "aide-scheduler-lease");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code tick}: how often the loop looks for due jobs; shorter than the shortest interval. */
    public Scheduler(Database db, Clock clock, Duration tick, Activity activity) {
        this.db = db;
        this.clock = clock;
        this.tick = tick;
        this.activity = activity;
    }

    /** Adds a job; only before {@link #start()}. */
    public synchronized Scheduler register(Job job) {
        if (executor != null) {
            throw new IllegalStateException("register jobs before the scheduler starts");
        }
        if (job.interval().toMillis() < 1 || jobs.stream().anyMatch(j -> j.name().equals(job.name()))) {
            throw new IllegalArgumentException("a job needs a unique name and a positive interval: " + job.name());
        }
        jobs.add(job);
        // Starting counts as an attempt: a job's first run needs a request too (or an hour).
        lastAttempt.put(job.name(), clock.instant());
        return this;
    }

    public synchronized List<String> jobNames() {
        return jobs.stream().map(Job::name).toList();
    }

    public synchronized Scheduler start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "aide-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::tickSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Runs every job whose slot has come, once; what each came to, by job name. */
    public synchronized Map<String, Outcome> tick() {
        var outcomes = new HashMap<String, Outcome>();
        for (Job job : jobs) {
            outcomes.put(job.name(), runIfDue(job));
        }
        return outcomes;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // Never let an exception escape: a scheduled executor stops repeating after one.
            FailureReporter.background(log, "Scheduler tick", e, null);
        }
    }

    private Outcome runIfDue(Job job) {
        long slot = Math.floorDiv(clock.millis(), job.interval().toMillis());
        Long seen = lastSlotSeen.get(job.name());
        if (seen != null && seen >= slot) {
            return Outcome.NOT_DUE;
        }
        Instant now = clock.instant();
        Instant attempted = lastAttempt.get(job.name());
        if (!activity.busy() && now.isBefore(attempted.plus(IDLE_AT_MOST))) {
            return Outcome.IDLE;
        }
        lastSlotSeen.put(job.name(), slot);
        lastAttempt.put(job.name(), now);
        UUID holder = UUID.randomUUID();
        String name = job.name();
        try {
            boolean claimed = db.asSystem(h -> h.attach(SchedulerDao.class).claim(name, slot, holder, LEASE.toSeconds()));
            if (!claimed) {
                return db.asSystem(h -> h.attach(SchedulerDao.class).alreadyRan(name, slot))
                        ? Outcome.ALREADY_RAN : Outcome.RUNNING_ELSEWHERE;
            }
        } catch (RuntimeException e) {
            FailureReporter.background(log, "Job " + name, e, null);
            return Outcome.FAILED;
        }
        long started = System.nanoTime();
        var renewal = leaseKeeper.scheduleWithFixedDelay(() -> renew(name, holder),
                LEASE.toMillis() / 5, LEASE.toMillis() / 5, TimeUnit.MILLISECONDS);
        try {
            job.run();
            renewal.cancel(false);
            db.asSystem(h -> {
                h.attach(SchedulerDao.class).finish(name, slot, holder);
                return null;
            });
            log.info("Job {} ran in {} ms", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return Outcome.RAN;
        } catch (Exception e) {
            renewal.cancel(false);
            // It runs again next interval, or sooner on another instance.
            FailureReporter.background(log, "Job " + name, e, null);
            releaseQuietly(name, holder);
            return Outcome.FAILED;
        }
    }

    private void renew(String name, UUID holder) {
        try {
            if (!db.asSystem(h -> h.attach(SchedulerDao.class).renew(name, holder, LEASE.toSeconds()))) {
                log.warn("Job {} lost its lease while running; another instance may run it too", name);
            }
        } catch (RuntimeException e) {
            FailureReporter.background(log, "Job lease " + name, e, null);
        }
    }

    private void releaseQuietly(String name, UUID holder) {
        try {
            db.asSystem(h -> {
                h.attach(SchedulerDao.class).release(name, holder);
                return null;
            });
        } catch (RuntimeException e) {
            // The lease then expires by itself; the job waits at most LEASE to be retried.
            FailureReporter.background(log, "Job release " + name, e, null);
        }
    }

    @Override
    public void close() {
        leaseKeeper.shutdownNow();
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
