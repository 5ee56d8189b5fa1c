package com.toaide.billing;

import com.toaide.platform.web.Problem;

/** Stripe did not answer: 503, nothing charged or changed. */
public final class PaymentsUnavailable extends Problem {
    public PaymentsUnavailable(String detail, Throwable cause) {
        super(503, "Stripe did not answer. Nothing was charged or changed; try again in a minute.", null, detail, cause);
    }
}
