package com.toaide.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stripe's webhook over real HTTP, against a fake Stripe API: the Free/Pro state machine of {@link BillingService}. */
class StripeWebhookTest extends AgainstFakeStripe {
    /** Like Stripe: JSON, signed, and no Origin header. */
    static HttpResponse<String> deliver(String payload, String signature) {
        var request = HttpRequest.newBuilder(app.base.resolve("/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return app.send(request);
    }

    static HttpResponse<String> deliver(String payload) {
        return deliver(payload, FakeStripe.signature(payload));
    }

    /** A user who bought Pro: checkout completed for an active subscription. */
    static Paying paying() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");
        assertThat(deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), user, ids.customer(), ids.subscription())).statusCode())
                .isEqualTo(200);
        assertThat(accounts.row(user).tier()).isEqualTo("pro");
        return new Paying(user, ids.customer(), ids.subscription());
    }

    record Paying(UUID user, String customer, String subscription) {
        static Paying ids() {
            String n = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
            return new Paying(null, "cus_" + n, "sub_" + n);
        }
    }

    @Test
    void a_completed_checkout_makes_the_user_pro_from_the_subscriptions_own_status() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");

        var response = deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), user, ids.customer(), ids.subscription()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":true}");
        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("pro", ids.customer(), ids.subscription(), "active"));
        var fetched = stripe.requests("GET", "/v1/subscriptions/" + ids.subscription());
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).authorization()).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
    }

    @Test
    void a_completed_checkout_whose_subscription_is_not_paying_leaves_the_user_free() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "incomplete");

        assertThat(deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), user, ids.customer(), ids.subscription())).statusCode())
                .isEqualTo(200);

        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("free", ids.customer(), ids.subscription(), "incomplete"));
    }

    @Test
    void a_bad_signature_is_refused_and_changes_nothing() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");
        String id = StripeEvents.newId();
        String payload = StripeEvents.checkoutCompleted(id, user, ids.customer(), ids.subscription());
        long now = Webhook.Util.getTimeNow();

        var wrongSecret = deliver(payload, FakeStripe.signature(payload, now, "whsec_someone_else"));
        var tampered = deliver(payload.replace("complete", "completed"), FakeStripe.signature(payload));
        var missing = deliver(payload, null);
        var garbage = deliver(payload, "not a signature");

        for (var response : new HttpResponse<?>[] {wrongSecret, tampered, missing, garbage}) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat((String) response.body()).doesNotContain("Exception", "at com.");
        }
        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("free", null, null, null));
        assertThat(accounts.recorded(id)).isZero();
        assertThat(stripe.requests("GET", "/v1/subscriptions/" + ids.subscription())).isEmpty();
    }

    @Test
    void an_hour_old_signature_is_refused_and_changes_nothing() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");
        String id = StripeEvents.newId();
        String payload = StripeEvents.checkoutCompleted(id, user, ids.customer(), ids.subscription());

        var response = deliver(payload, FakeStripe.signature(payload, Webhook.Util.getTimeNow() - 3600, FakeStripe.WEBHOOK_SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(accounts.row(user).tier()).isEqualTo("free");
        assertThat(accounts.recorded(id)).isZero();
    }

    @Test
    void a_signature_from_the_future_is_refused_and_changes_nothing() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");
        String id = StripeEvents.newId();
        String payload = StripeEvents.checkoutCompleted(id, user, ids.customer(), ids.subscription());

        // Signed with the right secret, dated an hour ahead: it would stay "fresh" for an hour and five minutes.
        var response = deliver(payload, FakeStripe.signature(payload, Webhook.Util.getTimeNow() + 3600, FakeStripe.WEBHOOK_SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(accounts.row(user).tier()).isEqualTo("free");
        assertThat(accounts.recorded(id)).isZero();
    }

    @Test
    void a_replayed_event_takes_effect_once() {
        var paying = paying();
        String id = StripeEvents.newId();
        String payload = StripeEvents.subscription(id, "updated", paying.subscription(), paying.customer(), "active");
        assertThat(deliver(payload).statusCode()).isEqualTo(200);
        int fetchesAfterFirst = stripe.requests("GET", "/v1/subscriptions/" + paying.subscription()).size();

        // Had the replay run again, it would now read "canceled" from Stripe and downgrade.
        stripe.subscription(paying.subscription(), paying.customer(), "canceled");
        var replay = deliver(payload);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(accounts.row(paying.user()).tier()).isEqualTo("pro");
        assertThat(accounts.recorded(id)).isEqualTo(1);
        assertThat(stripe.requests("GET", "/v1/subscriptions/" + paying.subscription())).hasSize(fetchesAfterFirst);
    }

    @Test
    void a_deleted_subscription_makes_the_user_free() {
        var paying = paying();
        stripe.subscription(paying.subscription(), paying.customer(), "canceled");

        assertThat(deliver(StripeEvents.subscription(StripeEvents.newId(), "deleted", paying.subscription(), paying.customer(), "canceled"))
                .statusCode()).isEqualTo(200);

        assertThat(accounts.row(paying.user())).isEqualTo(new Accounts.Row("free", paying.customer(), paying.subscription(), "canceled"));
    }

    @Test
    void an_updated_subscription_is_pro_while_active_or_trialing_and_free_otherwise() {
        var paying = paying();
        String[][] expectations = {
            {"past_due", "free"}, {"trialing", "pro"}, {"unpaid", "free"}, {"active", "pro"},
            {"incomplete", "free"}, {"paused", "free"}, {"trialing", "pro"}, {"canceled", "free"},
        };
        for (String[] expected : expectations) {
            stripe.subscription(paying.subscription(), paying.customer(), expected[0]);
            deliver(StripeEvents.subscription(StripeEvents.newId(), "updated", paying.subscription(), paying.customer(), expected[0]));
            assertThat(accounts.row(paying.user()).tier()).as("status " + expected[0]).isEqualTo(expected[1]);
            assertThat(accounts.row(paying.user()).status()).isEqualTo(expected[0]);
        }
    }

    @Test
    void a_replayed_old_checkout_completion_does_not_re_upgrade_a_cancelled_user() {
        var paying = paying();
        stripe.subscription(paying.subscription(), paying.customer(), "canceled");
        deliver(StripeEvents.subscription(StripeEvents.newId(), "deleted", paying.subscription(), paying.customer(), "canceled"));
        assertThat(accounts.row(paying.user()).tier()).isEqualTo("free");

        // The same old session, delivered again under a new event id.
        var late = deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), paying.user(), paying.customer(), paying.subscription()));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(accounts.row(paying.user()).tier()).isEqualTo("free");
    }

    @Test
    void an_update_that_arrives_after_the_cancellation_ends_in_stripes_current_state() {
        var paying = paying();
        stripe.subscription(paying.subscription(), paying.customer(), "canceled");
        deliver(StripeEvents.subscription(StripeEvents.newId(), "deleted", paying.subscription(), paying.customer(), "canceled"));

        // An older "updated: active" delivered late: its payload says active, Stripe says canceled.
        deliver(StripeEvents.subscription(StripeEvents.newId(), "updated", paying.subscription(), paying.customer(), "active"));

        assertThat(accounts.row(paying.user()).tier()).isEqualTo("free");
    }

    @Test
    void a_subscription_event_before_the_checkout_completion_is_settled_by_the_completion() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");

        // Stripe does not promise order: the customer is not linked to the user yet.
        assertThat(deliver(StripeEvents.subscription(StripeEvents.newId(), "created", ids.subscription(), ids.customer(), "incomplete"))
                .statusCode()).isEqualTo(200);
        assertThat(accounts.row(user).tier()).isEqualTo("free");
        deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), user, ids.customer(), ids.subscription()));

        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("pro", ids.customer(), ids.subscription(), "active"));
    }

    @Test
    void an_old_subscriptions_end_does_not_touch_the_current_one() {
        var user = accounts.create();
        var old = Paying.ids();
        var current = Paying.ids();
        accounts.set(user, "pro", old.customer(), current.subscription(), "active");
        stripe.subscription(old.subscription(), old.customer(), "canceled");
        stripe.subscription(current.subscription(), old.customer(), "active");

        deliver(StripeEvents.subscription(StripeEvents.newId(), "deleted", old.subscription(), old.customer(), "canceled"));
        deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), user, old.customer(), old.subscription()));

        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("pro", old.customer(), current.subscription(), "active"));
    }

    @Test
    void an_event_from_another_api_version_still_works() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");

        var response = deliver(StripeEvents.checkoutCompleted(StripeEvents.newId(), "2020-08-27", user, ids.customer(), ids.subscription()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("pro", ids.customer(), ids.subscription(), "active"));

        deliver(StripeEvents.paymentFailedOldShape(StripeEvents.newId(), "2020-08-27", ids.customer(), ids.subscription()));
        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("pro", ids.customer(), ids.subscription(), "past_due"));
    }

    @Test
    void a_failed_payment_tells_the_user_and_keeps_pro() {
        var paying = paying();

        assertThat(deliver(StripeEvents.paymentFailed(StripeEvents.newId(), paying.customer(), paying.subscription())).statusCode())
                .isEqualTo(200);

        assertThat(accounts.row(paying.user()).tier()).isEqualTo("pro");
        var page = app.get("/billing", "Cookie", accounts.cookie(paying.user()));
        assertThat(page.body())
                .contains("Plan: Pro", "Your last payment failed; update your card in the billing portal.", "Manage billing")
                .doesNotContain("Upgrade to Pro");

        // Stripe's next word on the subscription clears it: the card was updated and the invoice paid.
        deliver(StripeEvents.subscription(StripeEvents.newId(), "updated", paying.subscription(), paying.customer(), "active"));
        assertThat(app.get("/billing", "Cookie", accounts.cookie(paying.user())).body()).doesNotContain("payment failed");
    }

    @Test
    void unknown_event_types_are_answered_recorded_and_ignored() {
        var paying = paying();
        String id = StripeEvents.newId();
        var before = accounts.row(paying.user());

        var response = deliver(StripeEvents.event(id, "customer.updated", StripeEvents.SDK_VERSION,
                "{\"id\":\"" + paying.customer() + "\",\"object\":\"customer\",\"email\":\"x@example.com\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accounts.recorded(id)).isEqualTo(1);
        assertThat(accounts.row(paying.user())).isEqualTo(before);
    }

    @Test
    void a_webhook_that_cannot_reach_stripe_is_not_recorded_so_stripes_retry_applies_it() {
        var user = accounts.create();
        var ids = Paying.ids();
        stripe.subscription(ids.subscription(), ids.customer(), "active");
        String id = StripeEvents.newId();
        String payload = StripeEvents.checkoutCompleted(id, user, ids.customer(), ids.subscription());

        stripe.down(true);
        var failed = deliver(payload);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(accounts.recorded(id)).isZero();
        assertThat(accounts.row(user).tier()).isEqualTo("free");

        stripe.down(false);
        assertThat(deliver(payload).statusCode()).isEqualTo(200);
        assertThat(accounts.row(user).tier()).isEqualTo("pro");
    }

    @Test
    void stripe_ids_never_appear_in_pages_or_responses() {
        var paying = paying();
        deliver(StripeEvents.paymentFailed(StripeEvents.newId(), paying.customer(), paying.subscription()));
        String cookie = accounts.cookie(paying.user());

        var webhook = deliver(StripeEvents.subscription(StripeEvents.newId(), "updated", paying.subscription(), paying.customer(), "active"));
        var page = app.get("/billing", "Cookie", cookie);
        var asJson = app.get("/billing", "Cookie", cookie, "Accept", "application/json");
        var refused = deliver(StripeEvents.subscription(StripeEvents.newId(), "updated", paying.subscription(), paying.customer(), "active"), "t=1,v1=0");

        for (var response : new HttpResponse<?>[] {webhook, page, asJson, refused}) {
            assertThat((String) response.body()).doesNotContain(paying.customer(), paying.subscription(), "cus_", "sub_", "evt_", "cs_test");
        }
    }
}
