package com.toaide.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no STRIPE_* variables: no billing routes, no upgrade anywhere, everyone Free, no errors. */
class BillingOffTest {
    @AutoClose static TestApp app;
    @AutoClose static Accounts accounts;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of());
        accounts = new Accounts(app);
    }

    @Test
    void the_billing_routes_answer_404() {
        var user = accounts.create();
        String cookie = accounts.cookie(user);

        assertThat(app.postForm("/billing/checkout", Map.of(), "Cookie", cookie).statusCode()).isEqualTo(404);
        assertThat(app.postForm("/billing/portal", Map.of(), "Cookie", cookie).statusCode()).isEqualTo(404);
        String payload = StripeEvents.event(StripeEvents.newId(), "checkout.session.completed", StripeEvents.SDK_VERSION, "{}");
        var webhook = app.send(HttpRequest.newBuilder(app.base.resolve("/webhooks/stripe"))
                .header("Stripe-Signature", FakeStripe.signature(payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
        assertThat(webhook.statusCode()).isEqualTo(404);
        assertThat(webhook.body()).contains("Nothing here").doesNotContain("Exception");
    }

    @Test
    void no_upgrade_is_offered_anywhere() {
        var user = accounts.create();
        String cookie = accounts.cookie(user);

        var plan = app.get("/billing", "Cookie", cookie);
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).contains("Plan: Free");
        for (String path : new String[] {"/billing", "/aides", "/"}) {
            assertThat(app.get(path, "Cookie", cookie).body()).as(path)
                    .doesNotContain("Upgrade", "/billing/checkout", "/billing/portal", "Manage billing");
        }
    }

    @Test
    void everyone_stays_free_even_with_a_pro_row_left_from_before() {
        var user = accounts.create();
        accounts.set(user, "pro", "cus_before1", "sub_before1", "past_due");
        var billing = new BillingService(accounts.db, Optional.empty(), URI.create("http://localhost"));

        assertThat(billing.plan(user)).isEqualTo(Plan.FREE);
        assertThat(billing.planView(user)).isEqualTo(new PlanView("free", false, false, false, null, null));
        assertThat(app.get("/billing", "Cookie", accounts.cookie(user)).body())
                .contains("Plan: Free").doesNotContain("payment failed", "Manage billing");
    }
}
