package com.toaide.billing;

import com.stripe.Stripe;
import java.util.UUID;

/** Webhook payloads shaped like Stripe's, for the SDK's API version unless a test says otherwise. */
final class StripeEvents {
    static final String SDK_VERSION = Stripe.API_VERSION;

    private StripeEvents() {}

    static String newId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String event(String id, String type, String apiVersion, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": 1763771000,
                  "data": {"object": %s},
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }
                """.formatted(id, apiVersion, object, type);
    }

    static String checkoutCompleted(String id, UUID user, String customer, String subscription) {
        return checkoutCompleted(id, SDK_VERSION, user, customer, subscription);
    }

    static String checkoutCompleted(String id, String apiVersion, UUID user, String customer, String subscription) {
        return event(id, "checkout.session.completed", apiVersion, """
                {"id": "cs_test_%s", "object": "checkout.session", "mode": "subscription",
                 "status": "complete", "payment_status": "paid",
                 "client_reference_id": "%s", "customer": "%s", "subscription": "%s"}
                """.formatted(subscription, user, customer, subscription));
    }

    /** {@code type} is created, updated or deleted; {@code status} is what the event carries. */
    static String subscription(String id, String type, String subscription, String customer, String status) {
        return event(id, "customer.subscription." + type, SDK_VERSION, """
                {"id": "%s", "object": "subscription", "customer": "%s", "status": "%s",
                 "items": {"object": "list", "data": [], "has_more": false}}
                """.formatted(subscription, customer, status));
    }

    /** An invoice as the SDK's API version shapes it: the subscription sits under parent. */
    static String paymentFailed(String id, String customer, String subscription) {
        return event(id, "invoice.payment_failed", SDK_VERSION, """
                {"id": "in_test_1", "object": "invoice", "customer": "%s", "status": "open",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s"}}}
                """.formatted(customer, subscription));
    }

    /** An invoice as API versions before 2025 shaped it: the subscription at the top level. */
    static String paymentFailedOldShape(String id, String apiVersion, String customer, String subscription) {
        return event(id, "invoice.payment_failed", apiVersion, """
                {"id": "in_test_2", "object": "invoice", "customer": "%s", "subscription": "%s", "status": "open"}
                """.formatted(customer, subscription));
    }
}
