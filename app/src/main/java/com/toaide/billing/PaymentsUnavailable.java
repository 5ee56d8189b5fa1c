package com.toaide.billing;

/** The payment provider could not be reached or refused the request; nothing was charged or changed. */
public final class PaymentsUnavailable extends RuntimeException {
    public PaymentsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
