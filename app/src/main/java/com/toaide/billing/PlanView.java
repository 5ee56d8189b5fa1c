package com.toaide.billing;

/**
 * The plan as the account page shows it (templates/billing/plan.jte). {@code tier} is
 * {@code "free"} or {@code "pro"}; {@code notice} is a sentence for the user, or null;
 * {@code price} is what Pro costs as Stripe says ("$12 a month"), or null when Stripe could not
 * be asked. It never carries a Stripe id.
 */
public record PlanView(String tier, boolean billingEnabled, boolean canUpgrade, boolean canManage, String notice, String price) {

    public boolean isPro() {
        return Plan.PRO.code().equals(tier);
    }

    public String label() {
        return isPro() ? "Pro" : "Free";
    }
}
