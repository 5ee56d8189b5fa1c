package com.toaide.ai;

import java.time.Duration;

/** A running model call: cancel it, or wait for its end. */
public interface TurnStream {

    /**
     * Stops the call promptly and closes its HTTP stream. The listener then gets
     * {@code onError} with {@link ProviderError.Kind#INTERRUPTED}, unless the call had already
     * ended, in which case nothing happens. Safe from any thread, any number of times.
     */
    void cancel();

    /**
     * Waits until the listener has received its last callback.
     *
     * @return false when {@code timeout} passed first
     */
    boolean await(Duration timeout) throws InterruptedException;

    boolean isFinished();
}
