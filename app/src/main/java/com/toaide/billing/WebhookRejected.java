package com.toaide.billing;

import com.toaide.platform.web.Problem;

/** A webhook whose Stripe signature did not verify: 400, nothing changes. */
public final class WebhookRejected extends Problem {
    public WebhookRejected(String detail, Throwable cause) {
        super(400, "The Stripe signature did not verify. Nothing was changed.", null, detail, cause);
    }
}
