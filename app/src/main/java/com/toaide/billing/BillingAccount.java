package com.toaide.billing;

import java.util.UUID;

/** A user's billing columns (from {@code users}). Stays inside this package: it holds Stripe ids. */
record BillingAccount(UUID id, String email, String tier, String stripeCustomerId,
                      String stripeSubscriptionId, String subscriptionStatus) {

    boolean isPro() {
        return Plan.PRO.code().equals(tier);
    }
}
