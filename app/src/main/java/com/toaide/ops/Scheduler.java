package com.toaide.ops;

import com.toaide.platform.db.Activity;
import com.toaide.platform.db.Database;
import com.toaide.platform.observe.FailureReporter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>while it runs, the job holds {@code pg_try_advisory_xact_lock} on a key derived from its
 *       name, so a second instance skips it instead of running it beside the first.</li>
 * </ul>
 * The lock and the claim live in one system transaction that does no other work; the job opens
 * its own transactions. An idle instance leaves the database alone so it can sleep: a due job
 * runs only while the instance is busy (it served someone within the idle period, which is longer
 * than the shortest job interval, so activity is always followed by a run), or when its last
 * attempt is an hour old ({@link #IDLE_AT_MOST}). A job that throws is logged, its claim rolls back (another instance may
 * retry it in the same slot), and the loop goes on.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** What one attempt at a job came to. */
    public enum Outcome { RAN, FAILED, RUNNING_ELSEWHERE, ALREADY_RAN, NOT_DUE, IDLE }

    /** How often a job still runs on an instance nobody uses. */
    static final Duration IDLE_AT_MOST = Duration.ofHours(1);

    private final Database db;
    private final Clock clock;
    private final Duration tick;
    private final Activity activity;
    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, Long> lastSlotSeen = new HashMap<>();
    private final Map<String, Instant> lastAttempt = new HashMap<>();
    private volatile ScheduledExecutorService executor;

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
        long started = System.nanoTime();
        try {
            Outcome outcome = db.asSystem(handle -> {
                var dao = handle.attach(SchedulerDao.class);
                if (!dao.tryLock(lockKey(job.name()))) {
                    return Outcome.RUNNING_ELSEWHERE;
                }
                if (!dao.claim(job.name(), slot)) {
                    return Outcome.ALREADY_RAN;
                }
                job.run();
                return Outcome.RAN;
            });
            if (outcome == Outcome.RAN) {
                log.info("Job {} ran in {} ms", job.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            return outcome;
        } catch (Exception e) {
            // It runs again next interval.
            FailureReporter.background(log, "Job " + job.name(), e, null);
            return Outcome.FAILED;
        }
    }

    /** A stable 64-bit advisory-lock key per job name (the first 8 bytes of its SHA-256). */
    static long lockKey(String jobName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("aide.job:" + jobName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
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
