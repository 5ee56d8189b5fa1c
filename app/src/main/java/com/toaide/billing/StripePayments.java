package com.toaide.billing;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import com.toaide.kernel.Json;
import com.toaide.platform.failure.Failure;
import java.net.URI;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@link PaymentProvider} on Stripe's API, through stripe-java's {@link StripeClient}. */
public final class StripePayments implements PaymentProvider {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final StripeClient client;
    private final String webhookSecret;
    private final String priceId;

    /** {@code apiBase} is {@code https://api.stripe.com} in production, a local fake in tests. */
    public StripePayments(String secretKey, String webhookSecret, String priceId, URI apiBase) {
        this.client = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase.toString())
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setReadTimeout(READ_TIMEOUT_MILLIS)
                // POSTs carry an idempotency key from the SDK, so a retry cannot make two sessions.
                .setMaxNetworkRetries(1)
                .build();
        this.webhookSecret = webhookSecret;
        this.priceId = priceId;
    }

    @Override
    public URI createCheckout(CheckoutRequest request) {
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .setClientReferenceId(request.userId().toString())
                .setSuccessUrl(request.successUrl().toString())
                .setCancelUrl(request.cancelUrl().toString());
        if (request.customerId() != null) {
            params.setCustomer(request.customerId());
        } else {
            params.setCustomerEmail(request.email());
        }
        try {
            return URI.create(client.v1().checkout().sessions().create(params.build()).getUrl());
        } catch (StripeException | IllegalArgumentException | NullPointerException e) {
            throw PaymentProvider.unavailable("Stripe did not create a checkout session", e);
        }
    }

    @Override
    public URI createPortal(String customerId, URI returnUrl) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl.toString())
                .build();
        try {
            return URI.create(client.v1().billingPortal().sessions().create(params).getUrl());
        } catch (StripeException | IllegalArgumentException | NullPointerException e) {
            throw PaymentProvider.unavailable("Stripe did not create a portal session", e);
        }
    }

    @Override
    public Optional<SubscriptionState> fetchSubscription(String subscriptionId) {
        try {
            var subscription = client.v1().subscriptions().retrieve(subscriptionId);
            return Optional.of(new SubscriptionState(subscription.getId(), subscription.getCustomer(), subscription.getStatus()));
        } catch (StripeException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                return Optional.empty();
            }
            throw PaymentProvider.unavailable("Stripe did not return the subscription", e);
        }
    }

    @Override
    public void cancelSubscription(String subscriptionId) {
        try {
            client.v1().subscriptions().cancel(subscriptionId);
        } catch (StripeException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                return;
            }
            throw new Failure.Unavailable("Your Pro subscription could not be cancelled because Stripe did not answer, "
                    + "so your account was not deleted and nothing else changed. Try again in a minute.",
                    "Stripe did not cancel the subscription", e);
        }
    }

    @Override
    public Price price() {
        try {
            var price = client.v1().prices().retrieve(priceId);
            var recurring = price.getRecurring();
            return new Price(price.getUnitAmount(), price.getCurrency(),
                    recurring == null ? "month" : recurring.getInterval(),
                    recurring == null || recurring.getIntervalCount() == null ? 1 : recurring.getIntervalCount());
        } catch (StripeException | NullPointerException | IllegalArgumentException e) {
            throw PaymentProvider.unavailable("Stripe did not return the price", e);
        }
    }

    /** The {@code t=} of a Stripe-Signature header, in epoch seconds. */
    private static long signedAt(String signatureHeader) {
        for (String part : signatureHeader.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=")) {
                try {
                    return Long.parseLong(item.substring(2));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw PaymentProvider.rejected("The Stripe signature has no timestamp", null);
    }

    @Override
    public WebhookEvent verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw PaymentProvider.rejected("No Stripe-Signature header", null);
        }
        final Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, webhookSecret);
        } catch (SignatureVerificationException e) {
            throw PaymentProvider.rejected("The Stripe signature did not verify", e);
        } catch (RuntimeException e) {
            throw PaymentProvider.rejected("The webhook body is not a Stripe event", e);
        }
        // The SDK refuses a signature older than its tolerance but accepts any from the future,
        // which would stay replayable for as long as it is ahead. The timestamp is signed, so
        // reading it from the header is safe now that the signature verified.
        long signedAt = signedAt(signatureHeader);
        if (Math.abs(Webhook.Util.getTimeNow() - signedAt) > Webhook.DEFAULT_TOLERANCE) {
            throw PaymentProvider.rejected("The Stripe signature's timestamp is too far from now", null);
        }
        if (event.getId() == null || event.getType() == null) {
            throw PaymentProvider.rejected("The webhook body is not a Stripe event", null);
        }
        // The typed object is empty when the event's api_version differs from the SDK's, and the
        // shapes differ between versions (an invoice's subscription moved under "parent"), so
        // the few fields billing needs are read from the raw JSON, the same way for every version.
        JsonNode object = dataObject(event);
        boolean isSubscription = "subscription".equals(text(object.path("object")))
                || event.getType().startsWith("customer.subscription.");
        String subscriptionId = isSubscription ? text(object.path("id"))
                : firstNonNull(idOf(object.path("subscription")),
                        idOf(object.path("parent").path("subscription_details").path("subscription")));
        return new WebhookEvent(event.getId(), event.getType(),
                idOf(object.path("customer")),
                subscriptionId,
                text(object.path("client_reference_id")),
                isSubscription ? text(object.path("status")) : null);
    }

    private JsonNode dataObject(Event event) {
        try {
            String raw = event.getDataObjectDeserializer().getRawJson();
            return raw == null ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(raw);
        } catch (JacksonException | NullPointerException e) {
            throw PaymentProvider.rejected("The webhook event has no readable object", e);
        }
    }

    /** A reference is an id string, or an expanded object carrying its id. */
    private static String idOf(JsonNode node) {
        return node.isObject() ? text(node.path("id")) : text(node);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
