package com.toaide.billing;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;

/** The payment port's contract against the Stripe adapter and a fake Stripe on localhost. */
class StripePaymentsTest extends PaymentProviderContractTest {
    @AutoClose private static FakeStripe stripe;
    @AutoClose private static FakeStripe downStripe;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.start();
        downStripe = FakeStripe.start();
        downStripe.down(true);
    }

    @Override
    protected PaymentProvider provider() {
        return new StripePayments(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, FakeStripe.PRICE_ID, stripe.base());
    }

    @Override
    protected PaymentProvider providerThatIsDown() {
        return new StripePayments(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, FakeStripe.PRICE_ID, downStripe.base());
    }

    @Override
    protected void knows(String subscription, String customer, String status) {
        stripe.subscription(subscription, customer, status);
    }

    @Override
    protected Signed subscriptionUpdated(String eventId, String subscription, String customer, String status) {
        String payload = StripeEvents.subscription(eventId, "updated", subscription, customer, status);
        return new Signed(payload, FakeStripe.signature(payload));
    }

    @Override
    protected Signed signedWithAnotherKey(String eventId, String subscription, String customer, String status) {
        String payload = StripeEvents.subscription(eventId, "updated", subscription, customer, status);
        return new Signed(payload, FakeStripe.signature(payload, com.stripe.net.Webhook.Util.getTimeNow(), "whsec_someone_else"));
    }
}
