package com.toaide.billing;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up the billing tests share: an app on a fresh database talking to a fake Stripe API,
 * and the accounts they sign in as. Stripe is up again after each test, whatever the test did.
 */
abstract class AgainstFakeStripe {
    @AutoClose static FakeStripe stripe;
    @AutoClose static TestApp app;
    @AutoClose static Accounts accounts;

    @BeforeAll
    static void startAppAndStripe() {
        stripe = FakeStripe.start();
        app = TestApp.start(TestPostgres.freshDatabase(), stripe.environment());
        accounts = new Accounts(app);
    }

    @AfterEach
    void stripe_is_up_again() {
        stripe.down(false);
    }
}
