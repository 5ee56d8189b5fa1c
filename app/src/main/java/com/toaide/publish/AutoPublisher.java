package com.toaide.publish;

import com.toaide.platform.db.Database;
import com.toaide.platform.db.DatabaseUnavailable;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.observe.FailureReporter;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Keep the published page up to date": hears the change notices of aides with the option on
 * ({@link com.toaide.aides.EditService#AUTO_PUBLISH_CHANNEL}) and republishes the aide once a
 * burst of edits is over (quiet for {@code quiet}, or edited without a pause for {@code gap}),
 * never more often than once per {@code gap}. Other aides' changes never
 * reach it, so they cost it nothing. It always publishes the current draft, and
 * {@link PublishService} refuses to put an older point of the log over a newer one.
 *
 * <p>Several instances: every instance hears every notice, and the database decides. Each
 * attempt locks the aide's row and claims the publish only when the aide is on, published,
 * changed since its last publish and due; the others see the claim and stand down, or wait
 * until it is due and ask again. So one upload per gap per aide holds across instances, and the
 * last change of a burst is always published. A notice lost while the LISTEN connection was
 * down is published with the aide's next change.
 */
public final class AutoPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AutoPublisher.class);

    private final Database db;
    private final PublishService publisher;
    private final Duration quiet;
    private final Duration gap;
    private final ScheduledExecutorService executor;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    public AutoPublisher(Database db, PublishService publisher, Duration quiet, Duration gap) {
        this.db = db;
        this.publisher = publisher;
        this.quiet = quiet;
        this.gap = gap;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "auto-publish");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A notice: the id of an aide that changed. */
    public void onNotice(String payload) {
        try {
            schedule(UUID.fromString(payload), Duration.ZERO);
        } catch (IllegalArgumentException e) {
            // Not a notice this listener understands.
        }
    }

    private void schedule(UUID aideId, Duration delay) {
        // One attempt in flight per aide: the attempt reads the latest state anyway.
        if (pending.add(aideId)) {
            executor.schedule(() -> attempt(aideId), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(UUID aideId) {
        pending.remove(aideId);
        Optional<Duration> wait;
        try {
            wait = publishNow(aideId);
        } catch (Failure | DatabaseUnavailable expected) {
            // The next change of the aide asks again.
            log.warn("Automatic publish check did not run: {}", expected.getClass().getSimpleName());
            return;
        } catch (RuntimeException e) {
            FailureReporter.background(log, "Automatic publish check", e, null);
            return;
        }
        wait.ifPresent(delay -> schedule(aideId, delay));
    }

    /** What the database said about publishing an aide now. */
    private sealed interface Claim {
        /** Nothing to publish: the option is off, or nothing changed since the last publish. */
        record Nothing() implements Claim {}

        /** The aide is not due yet: ask again after {@code delay}. */
        record Wait(Duration delay) implements Claim {}

        /** This instance claimed the publish; {@code state} gives the claim back if it fails. */
        record Publish(PublishDao.AutoState state) implements Claim {}
    }

    /**
     * The automatic publish of one aide after a change (system path: the owner comes from the
     * row). Returns how long to wait before asking again when the aide is not due yet, or empty
     * when there is nothing (more) to do.
     */
    Optional<Duration> publishNow(UUID aideId) {
        Claim claim = db.asSystem(handle -> {
            var dao = handle.attach(PublishDao.class);
            var state = dao.lockForAutoPublish(aideId, quiet.toSeconds(), gap.toSeconds()).orElse(null);
            if (state == null || !state.wanted()) {
                return new Claim.Nothing();
            }
            if (state.waitSeconds() > 0) {
                return new Claim.Wait(Duration.ofMillis((long) Math.ceil(state.waitSeconds() * 1000)));
            }
            dao.claimAutoPublish(aideId);
            return new Claim.Publish(state);
        });
        // Java 17 has no pattern switch; the interface is sealed, so these are all the cases.
        if (claim instanceof Claim.Wait wait) {
            return Optional.of(wait.delay());
        }
        if (claim instanceof Claim.Publish publish) {
            publishClaimed(aideId, publish.state());
        }
        return Optional.empty();
    }

    private void publishClaimed(UUID aideId, PublishDao.AutoState state) {
        try {
            publisher.publishNewer(state.userId(), aideId);
        } catch (RuntimeException e) {
            // Give the claim back so the next change (or instance) tries again.
            db.asSystem(handle -> {
                handle.attach(PublishDao.class).restorePublishedAt(aideId, state.publishedAt());
                return null;
            });
            if (e instanceof Failure) {
                // Expected (a publish that finished first, storage away): the next change tries again.
                log.warn("Automatic publish of an aide did not happen: {}", e.getClass().getSimpleName());
            } else {
                FailureReporter.background(log, "Automatic publish", e, state.userId());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
