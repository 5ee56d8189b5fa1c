package com.toaide.ai;

import java.time.Duration;
import java.util.List;

/**
 * The time limits and retries of a model call (docs/ai.md, "Failure handling").
 *
 * @param noProgressLimit the longest wait for the next line of the stream (or for the
 *     response headers) before the call counts as stalled
 * @param hardLimit the longest a whole call may take, retries included
 * @param retryDelays the wait before each retry; its size is the number of retries. Retries
 *     happen only on a retryable failure before any content arrived.
 */
public record StreamPolicy(Duration noProgressLimit, Duration hardLimit, List<Duration> retryDelays) {
    public static final StreamPolicy DEFAULT = new StreamPolicy(
            Duration.ofSeconds(15), Duration.ofSeconds(120), List.of(Duration.ofMillis(500), Duration.ofMillis(1500)));

    public StreamPolicy {
        retryDelays = List.copyOf(retryDelays);
    }
}
