package com.toaide.platform.storage;

/**
 * Object storage could not do what was asked: it is down, slow, refused our credentials or
 * lacks the bucket. Callers treat all of these alike (fail the publish, report not ready),
 * so one exception is enough; the message says which operation, bucket and cause.
 */
public final class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageUnavailable(String message) {
        super(message);
    }
}
