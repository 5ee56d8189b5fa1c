package com.toaide.billing;

import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.Params;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;

/**
 * Checkout, the portal, Stripe's webhook, and a small plan page. The routes are always in the
 * table; while billing is off the POSTs answer 404 and the plan page says every plan is Free.
 */
public final class BillingRoutes {
    private final BillingService billing;
    private final Views views;
    private final Assets assets;

    public BillingRoutes(BillingService billing, Views views, Assets assets) {
        this.billing = billing;
        this.views = views;
        this.assets = assets;
    }

    /** The plan on its own page; the account page shows the same partial. */
    public void page(Context ctx) {
        var plan = billing.planView(RequestUser.require(ctx), BillingService.Arrival.of(ctx.queryParam("upgraded"), ctx.queryParam("billing")));
        views.html(ctx, "billing/billing.jte", new BillingPage(new Layout("Plan", assets, true), plan));
    }

    public void checkout(Context ctx) {
        requireEnabled();
        ctx.redirect(billing.checkout(RequestUser.require(ctx)).toString(), HttpStatus.SEE_OTHER);
    }

    public void portal(Context ctx) {
        requireEnabled();
        ctx.redirect(billing.portal(RequestUser.require(ctx)).toString(), HttpStatus.SEE_OTHER);
    }

    record Received(boolean received) {}

    /** The signature covers the exact bytes Stripe sent, so the body is read raw. */
    public void webhook(Context ctx) {
        requireEnabled();
        billing.receive(new String(Params.body(ctx), StandardCharsets.UTF_8), ctx.header("Stripe-Signature"));
        ctx.json(new Received(true));
    }

    private void requireEnabled() {
        if (!billing.enabled()) {
            throw new NotFoundResponse();
        }
    }
}
