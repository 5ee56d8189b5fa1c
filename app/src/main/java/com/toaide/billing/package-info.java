/**
 * Billing: Stripe Checkout for Pro, the customer portal, the signed webhook that moves an
 * account between Free and Pro, and the plan shown on the account page. Stripe itself sits
 * behind {@link com.toaide.billing.PaymentProvider}; nothing outside this package sees a
 * Stripe type or a Stripe id. Other features read the plan through
 * {@link com.toaide.billing.BillingService#plan}. May use the platform.
 */
package com.toaide.billing;
