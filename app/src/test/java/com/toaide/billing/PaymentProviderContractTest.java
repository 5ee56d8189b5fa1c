package com.toaide.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.toaide.billing.PaymentProvider.CheckoutRequest;
import com.toaide.billing.PaymentProvider.SubscriptionState;
import com.toaide.billing.PaymentProvider.WebhookEvent;
import com.toaide.platform.failure.Failure;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What billing relies on from every {@link PaymentProvider}. Each adapter's test extends this
 * and supplies the adapter, a way to set what the provider knows, webhooks in its own format,
 * and an adapter whose provider is down.
 */
abstract class PaymentProviderContractTest {
    static final URI SUCCESS = URI.create("https://aide.example/account?upgraded=1");
    static final URI CANCEL = URI.create("https://aide.example/account");

    /** A webhook as the provider would send it: the body and its signature header. */
    record Signed(String payload, String signature) {}

    protected abstract PaymentProvider provider();

    /** A provider whose far end answers every call with an error. */
    protected abstract PaymentProvider providerThatIsDown();

    /** Makes the provider know {@code subscription} from now on. */
    protected abstract void knows(String subscription, String customer, String status);

    /** A signed event saying {@code subscription} of {@code customer} was updated to {@code status}. */
    protected abstract Signed subscriptionUpdated(String eventId, String subscription, String customer, String status);

    /** The same event signed with a key that is not the webhook secret. */
    protected abstract Signed signedWithAnotherKey(String eventId, String subscription, String customer, String status);

    @Test
    void a_checkout_for_someone_who_never_paid_is_a_hosted_page_to_send_the_browser_to() {
        URI page = provider().createCheckout(new CheckoutRequest(UUID.randomUUID(), null, "ada@example.com", SUCCESS, CANCEL));

        assertThat(page.getScheme()).isEqualTo("https");
        assertThat(page.getHost()).isNotBlank();
    }

    @Test
    void a_checkout_for_a_known_customer_is_a_hosted_page_too() {
        URI page = provider().createCheckout(new CheckoutRequest(UUID.randomUUID(), "cus_known", "ada@example.com", SUCCESS, CANCEL));

        assertThat(page.getScheme()).isEqualTo("https");
    }

    @Test
    void a_portal_for_a_customer_is_a_hosted_page() {
        URI page = provider().createPortal("cus_portal", CANCEL);

        assertThat(page.getScheme()).isEqualTo("https");
        assertThat(page.getHost()).isNotBlank();
    }

    @Test
    void a_subscription_the_provider_knows_is_fetched_with_its_customer_and_status() {
        knows("sub_contract_active", "cus_contract", "active");

        SubscriptionState state = provider().fetchSubscription("sub_contract_active").orElseThrow();

        assertThat(state).isEqualTo(new SubscriptionState("sub_contract_active", "cus_contract", "active"));
        assertThat(state.entitlesPro()).isTrue();
    }

    @Test
    void a_subscription_the_provider_does_not_know_is_empty() {
        assertThat(provider().fetchSubscription("sub_never_existed")).isEmpty();
    }

    @Test
    void a_signed_event_verifies_and_reads_the_fields_billing_acts_on() {
        Signed event = subscriptionUpdated("evt_contract_1", "sub_contract_1", "cus_contract_1", "past_due");

        WebhookEvent read = provider().verify(event.payload(), event.signature());

        assertThat(read.id()).isEqualTo("evt_contract_1");
        assertThat(read.customerId()).isEqualTo("cus_contract_1");
        assertThat(read.subscriptionId()).isEqualTo("sub_contract_1");
        assertThat(read.status()).isEqualTo("past_due");
        assertThat(read.clientReferenceId()).isNull();
    }

    @Test
    void an_event_signed_with_another_key_is_rejected() {
        Signed forged = signedWithAnotherKey("evt_contract_2", "sub_contract_2", "cus_contract_2", "active");

        assertRejected(() -> provider().verify(forged.payload(), forged.signature()));
    }

    @Test
    void an_event_changed_after_signing_is_rejected() {
        Signed event = subscriptionUpdated("evt_contract_3", "sub_contract_3", "cus_contract_3", "canceled");
        String changed = event.payload().replace("canceled", "active");

        assertRejected(() -> provider().verify(changed, event.signature()));
    }

    @Test
    void an_event_without_a_signature_or_that_is_not_an_event_is_rejected() {
        Signed event = subscriptionUpdated("evt_contract_4", "sub_contract_4", "cus_contract_4", "active");

        assertRejected(() -> provider().verify(event.payload(), null));
        assertRejected(() -> provider().verify(event.payload(), ""));
        assertRejected(() -> provider().verify("not json", event.signature()));
    }

    @Test
    void every_call_to_a_provider_that_is_down_is_unavailable_and_says_nothing_was_charged() {
        PaymentProvider down = providerThatIsDown();

        assertUnavailable(() -> down.createCheckout(new CheckoutRequest(UUID.randomUUID(), null, "ada@example.com", SUCCESS, CANCEL)));
        assertUnavailable(() -> down.createPortal("cus_down", CANCEL));
        assertUnavailable(() -> down.fetchSubscription("sub_down"));
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Failure.Invalid rejected = catchThrowableOfType(Failure.Invalid.class, call);
        assertThat(rejected).as("rejected as invalid").isNotNull();
        assertThat(rejected.getMessage()).contains("Nothing was changed");
    }

    private static void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Failure.Unavailable unavailable = catchThrowableOfType(Failure.Unavailable.class, call);
        assertThat(unavailable).as("unavailable").isNotNull();
        assertThat(unavailable.getMessage()).contains("Nothing was charged");
    }
}
