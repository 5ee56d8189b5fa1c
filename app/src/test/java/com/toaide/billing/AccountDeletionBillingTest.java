package com.toaide.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deleting a paying account cancels its subscription first; the price shown is Stripe's. */
class AccountDeletionBillingTest extends AgainstFakeStripe {
    @Test
    void deleting_a_pro_account_cancels_its_subscription_before_anything_is_deleted() {
        var user = accounts.create();
        stripe.subscription("sub_paying1", "cus_paying1", "active");
        accounts.set(user, "pro", "cus_paying1", "sub_paying1", "active");

        var response = delete(user);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(stripe.requests("DELETE", "/v1/subscriptions/sub_paying1")).hasSize(1);
        assertThat(stripe.status("sub_paying1")).isEqualTo("canceled");
        assertThat(exists(user)).isFalse();
    }

    @Test
    void when_stripe_cannot_cancel_the_account_is_kept_and_the_user_is_told_why() {
        var user = accounts.create();
        stripe.subscription("sub_paying2", "cus_paying2", "active");
        accounts.set(user, "pro", "cus_paying2", "sub_paying2", "active");
        stripe.down(true);

        var response = delete(user);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Your Pro subscription could not be cancelled")
                .contains("your account was not deleted");
        assertThat(exists(user)).isTrue();
        assertThat(accounts.row(user).tier()).isEqualTo("pro");
        stripe.down(false);
        assertThat(stripe.status("sub_paying2")).isEqualTo("active");
    }

    @Test
    void an_account_without_a_live_subscription_is_deleted_without_asking_stripe_to_cancel() {
        var lapsed = accounts.create();
        accounts.set(lapsed, "free", "cus_lapsed3", "sub_lapsed3", "canceled");
        var gone = accounts.create();
        // A subscription Stripe no longer knows counts as cancelled.
        accounts.set(gone, "pro", "cus_gone4", "sub_gone4", "active");

        assertThat(delete(lapsed).statusCode()).isEqualTo(303);
        assertThat(delete(gone).statusCode()).isEqualTo(303);

        assertThat(stripe.requests("DELETE", "/v1/subscriptions/sub_lapsed3")).isEmpty();
        assertThat(exists(lapsed)).isFalse();
        assertThat(exists(gone)).isFalse();
    }

    @Test
    void the_price_shown_is_stripes_for_the_configured_price_and_is_asked_once_then_cached() {
        var user = accounts.create();
        int before = stripe.requests("GET", "/v1/prices/").size();

        var page = app.get("/account", "Cookie", accounts.cookie(user));
        var again = app.get("/account", "Cookie", accounts.cookie(user));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Upgrade to Pro ($12 a month)").doesNotContain("$12/month");
        assertThat(again.body()).contains("$12 a month");
        assertThat(stripe.requests("GET", "/v1/prices/" + FakeStripe.PRICE_ID).size() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void prices_read_the_way_people_write_them() {
        assertThat(new PaymentProvider.Price(1200, "usd", "month", 1).label()).isEqualTo("$12 a month");
        assertThat(new PaymentProvider.Price(950, "eur", "year", 1).label()).isEqualTo("€9.50 a year");
        assertThat(new PaymentProvider.Price(3000, "usd", "month", 3).label()).isEqualTo("$30 every 3 months");
        assertThat(new PaymentProvider.Price(1500, "jpy", "month", 1).label()).isEqualTo("¥1500 a month");
    }

    private java.net.http.HttpResponse<String> delete(java.util.UUID user) {
        return app.postForm("/account/delete", Map.of("confirm_email", accounts.email(user)),
                "Cookie", accounts.cookie(user), "Accept", "text/html");
    }

    private boolean exists(java.util.UUID user) {
        return accounts.db.asSystem(handle -> handle.createQuery("select count(*) from users where id = :id")
                .bind("id", user).mapTo(Integer.class).one()) == 1;
    }
}
