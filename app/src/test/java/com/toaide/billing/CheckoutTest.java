package com.toaide.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkout, the portal and the plan page over real HTTP, against a fake Stripe API. */
class CheckoutTest extends AgainstFakeStripe {
    @Test
    void checkout_sends_the_browser_to_stripe_for_a_pro_subscription_of_this_user() {
        var user = accounts.create();
        int before = stripe.requests("POST", "/v1/checkout/sessions").size();

        var response = app.postForm("/billing/checkout", Map.of(), "Cookie", accounts.cookie(user));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        var sent = stripe.requests("POST", "/v1/checkout/sessions");
        assertThat(sent).hasSize(before + 1);
        var form = sent.get(sent.size() - 1).form();
        assertThat(form)
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", FakeStripe.PRICE_ID)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("client_reference_id", user.toString())
                .containsEntry("customer_email", accounts.email(user))
                .containsEntry("success_url", app.origin() + "/account?upgraded=1")
                .containsEntry("cancel_url", app.origin() + "/account")
                .doesNotContainKey("customer");
        assertThat(sent.get(sent.size() - 1).authorization()).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
    }

    @Test
    void checkout_reuses_the_customer_the_user_already_has() {
        var user = accounts.create();
        accounts.set(user, "free", "cus_returning1", "sub_lapsed1", "canceled");

        var response = app.postForm("/billing/checkout", Map.of(), "Cookie", accounts.cookie(user));

        assertThat(response.statusCode()).isEqualTo(303);
        var sent = stripe.requests("POST", "/v1/checkout/sessions");
        assertThat(sent.get(sent.size() - 1).form())
                .containsEntry("customer", "cus_returning1")
                .containsEntry("client_reference_id", user.toString())
                .doesNotContainKey("customer_email");
    }

    @Test
    void a_pro_user_is_not_sent_to_checkout_again() {
        var user = accounts.create();
        accounts.set(user, "pro", "cus_paying1", "sub_paying1", "active");
        int before = stripe.requests("POST", "/v1/checkout/sessions").size();

        var response = app.postForm("/billing/checkout", Map.of(), "Cookie", accounts.cookie(user));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/account");
        assertThat(stripe.requests("POST", "/v1/checkout/sessions")).hasSize(before);
    }

    @Test
    void the_portal_sends_the_browser_to_stripe_for_the_users_customer() {
        var user = accounts.create();
        accounts.set(user, "pro", "cus_portal1", "sub_portal1", "active");

        var response = app.postForm("/billing/portal", Map.of(), "Cookie", accounts.cookie(user));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://billing.stripe.test/p/session/");
        var sent = stripe.requests("POST", "/v1/billing_portal/sessions");
        assertThat(sent.get(sent.size() - 1).form())
                .containsEntry("customer", "cus_portal1")
                .containsEntry("return_url", app.origin() + "/account");
    }

    @Test
    void the_portal_without_a_customer_goes_back_to_the_account_page_with_a_plain_message() {
        var user = accounts.create();
        int before = stripe.requests("POST", "/v1/billing_portal/sessions").size();

        var response = app.postForm("/billing/portal", Map.of(), "Cookie", accounts.cookie(user));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/account?billing=no_customer");
        assertThat(stripe.requests("POST", "/v1/billing_portal/sessions")).hasSize(before);
        assertThat(app.get("/billing?billing=no_customer", "Cookie", accounts.cookie(user)).body())
                .contains("There is no billing account yet. The billing portal opens once Pro has been bought.");
    }

    @Test
    void a_cross_origin_checkout_is_refused_but_the_webhook_needs_no_origin() {
        var user = accounts.create();
        int before = stripe.requests("POST", "/v1/checkout/sessions").size();

        var forged = app.send(HttpRequest.newBuilder(app.base.resolve("/billing/checkout"))
                .header("Origin", "https://evil.example")
                .header("Cookie", accounts.cookie(user))
                .POST(HttpRequest.BodyPublishers.noBody()));
        var noOrigin = app.send(HttpRequest.newBuilder(app.base.resolve("/billing/portal"))
                .header("Cookie", accounts.cookie(user))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(stripe.requests("POST", "/v1/checkout/sessions")).hasSize(before);

        String payload = StripeEvents.event(StripeEvents.newId(), "ping", StripeEvents.SDK_VERSION, "{\"object\":\"ping\"}");
        var webhook = app.send(HttpRequest.newBuilder(app.base.resolve("/webhooks/stripe"))
                .header("Stripe-Signature", FakeStripe.signature(payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
        assertThat(webhook.statusCode()).isEqualTo(200);
    }

    @Test
    void signed_out_visitors_cannot_start_a_checkout() {
        var response = app.postForm("/billing/checkout", Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(app.get("/billing").statusCode()).isEqualTo(303);
    }

    @Test
    void when_stripe_fails_the_user_sees_a_plain_page_and_nothing_changes() {
        var user = accounts.create();
        stripe.down(true);

        var response = app.postForm("/billing/checkout", Map.of(), "Cookie", accounts.cookie(user));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .contains("Stripe did not answer. Nothing was charged or changed; try again in a minute.")
                .doesNotContain("Exception", "at com.", "sk_test");
        assertThat(accounts.row(user)).isEqualTo(new Accounts.Row("free", null, null, null));
    }

    @Test
    void the_plan_page_offers_a_free_user_the_upgrade() {
        var user = accounts.create();

        var page = app.get("/billing", "Cookie", accounts.cookie(user));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Plan: Free", "<form method=\"post\" action=\"/billing/checkout\">", "Upgrade to Pro ($12 a month)")
                .doesNotContain("Manage billing", "/billing/portal");
        assertVoice(section(page.body()));
    }

    @Test
    void the_plan_page_offers_a_pro_user_billing_management() {
        var user = accounts.create();
        accounts.set(user, "pro", "cus_manage1", "sub_manage1", "active");

        var page = app.get("/billing?upgraded=1", "Cookie", accounts.cookie(user));

        assertThat(page.body())
                .contains("Plan: Pro", "Pro is active.", "<form method=\"post\" action=\"/billing/portal\">", "Manage billing")
                .doesNotContain("Upgrade to Pro", "cus_manage1", "sub_manage1");
        assertVoice(section(page.body()));
    }

    @Test
    void back_from_checkout_before_stripes_confirmation_the_page_says_it_is_on_its_way() {
        var user = accounts.create();
        assertThat(app.get("/billing?upgraded=1", "Cookie", accounts.cookie(user)).body())
                .contains("Plan: Free", "Payment received. Pro starts as soon as Stripe confirms it");
    }

    private static String section(String html) {
        return html.substring(html.indexOf("<section class=\"plan"), html.indexOf("</section>", html.indexOf("<section class=\"plan")));
    }

    /** The product's voice: a quiet operator never says "I", never cheers, never uses emojis. */
    private static void assertVoice(String text) {
        assertThat(text).doesNotContain("!", " I ", "I'm", "I've");
        assertThat(text.codePoints().filter(c -> c > 0x2000 && c != 0x2019)).isEmpty();
    }
}
