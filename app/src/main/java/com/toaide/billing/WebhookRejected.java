package com.toaide.billing;

/** A webhook whose signature did not verify (missing, wrong, or outside the tolerance). */
public final class WebhookRejected extends RuntimeException {
    public WebhookRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
