package com.toaide.billing;

import com.toaide.platform.failure.Failure;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * What billing needs from a payment provider (Stripe in production, a local fake Stripe in
 * tests). Every method but {@link #verify} is a network call: never call one inside a
 * database transaction. Failures to reach the provider are {@link #unavailable}; a webhook
 * that does not prove itself is {@link #rejected}.
 */
public interface PaymentProvider {

    /** The provider did not answer: 503, nothing charged or changed. */
    static Failure.Unavailable unavailable(String detail, Throwable cause) {
        return new Failure.Unavailable("Stripe did not answer. Nothing was charged or changed; try again in a minute.", detail, cause);
    }

    /** A webhook whose signature did not verify, or that is not an event: 400, nothing changes. */
    static Failure.Invalid rejected(String detail, Throwable cause) {
        return new Failure.Invalid("The Stripe signature did not verify. Nothing was changed.", detail, cause);
    }

    /** A hosted checkout page for a Pro subscription; returns where to send the browser. */
    URI createCheckout(CheckoutRequest request);

    /** A hosted billing portal session for an existing customer; returns where to send the browser. */
    URI createPortal(String customerId, URI returnUrl);

    /** The subscription as the provider sees it now, or empty when it does not exist. */
    Optional<SubscriptionState> fetchSubscription(String subscriptionId);

    /**
     * Cancels the subscription at once, so nothing more is charged. One Stripe no longer knows
     * counts as cancelled.
     *
     * @throws Failure.Unavailable when Stripe did not confirm the cancellation
     */
    void cancelSubscription(String subscriptionId);

    /**
     * What Pro costs, as Stripe holds the configured price.
     *
     * @throws Failure.Unavailable when Stripe cannot be asked
     */
    Price price();

    /**
     * A recurring price: {@code unitAmount} in the currency's smallest unit (cents),
     * {@code currency} as Stripe writes it ({@code usd}), {@code interval} {@code month} or
     * {@code year} every {@code intervalCount}.
     */
    record Price(long unitAmount, String currency, String interval, long intervalCount) {
        /** "$12 a month", "€9.50 a year", "$30 every 3 months": what the account page shows. */
        public String label() {
            var code = java.util.Currency.getInstance(currency.toUpperCase(java.util.Locale.ROOT));
            var amount = java.math.BigDecimal.valueOf(unitAmount, Math.max(0, code.getDefaultFractionDigits()));
            String shown = amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0).toPlainString() : amount.toPlainString();
            String money = code.getSymbol(java.util.Locale.US) + shown;
            if (money.startsWith(code.getCurrencyCode())) {
                money = shown + " " + code.getCurrencyCode();
            }
            return intervalCount <= 1 ? money + " a " + interval : money + " every " + intervalCount + " " + interval + "s";
        }
    }

    /**
     * Checks a webhook's signature and reads the fields billing acts on.
     *
     * @throws Failure.Invalid ({@link #rejected}) when the signature is missing, wrong or too old, or the body is not an event
     */
    WebhookEvent verify(String payload, String signatureHeader);

    /** {@code customerId} is null when the user has never paid: the provider then asks for {@code email}. */
    record CheckoutRequest(UUID userId, String customerId, String email, URI successUrl, URI cancelUrl) {}

    /** A subscription's id, its customer and its status ({@code active}, {@code trialing}, {@code past_due}, ...). */
    record SubscriptionState(String id, String customerId, String status) {
        /** Pro while the subscription is active or trialing, Free otherwise. */
        public boolean entitlesPro() {
            return "active".equals(status) || "trialing".equals(status);
        }
    }

    /**
     * A verified webhook event, reduced to what billing reads. Fields the event's object does
     * not have are null: {@code clientReferenceId} is only on checkout sessions, {@code status}
     * only on subscriptions; {@code subscriptionId} is the subscription itself, or the one a
     * checkout session or invoice belongs to.
     */
    record WebhookEvent(String id, String type, String customerId, String subscriptionId,
                        String clientReferenceId, String status) {}
}
