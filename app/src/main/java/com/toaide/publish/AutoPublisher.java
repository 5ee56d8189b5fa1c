package com.toaide.publish;

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
 * ({@link com.toaide.aides.EditService#AUTO_PUBLISH_CHANNEL}) and republishes the aide, at most
 * once per {@code interval}. Other aides' changes never reach it, so they cost it nothing.
 *
 * <p>Several instances: every instance hears every notice, and the database decides. Each
 * attempt locks the aide's row and claims the publish only when the aide is on, published,
 * changed since its last publish and quiet for {@code interval} (its {@code published_at});
 * the others see the claim and stand down, or wait out the rest of the interval and ask again.
 * So one upload per interval per aide holds across instances, and the last change of a burst is
 * always published. A notice lost while the LISTEN connection was down is published with the
 * aide's next change.
 */
public final class AutoPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AutoPublisher.class);

    private final PublishService publisher;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    public AutoPublisher(PublishService publisher, Duration interval) {
        this.publisher = publisher;
        this.interval = interval;
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
            wait = publisher.autoPublishNow(aideId, interval);
        } catch (RuntimeException e) {
            log.warn("Automatic publish check failed: {}", e.getMessage());
            return;
        }
        wait.ifPresent(delay -> schedule(aideId, delay));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
