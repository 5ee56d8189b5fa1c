package com.toaide.billing;

import com.toaide.billing.PaymentProvider.CheckoutRequest;
import com.toaide.billing.PaymentProvider.SubscriptionState;
import com.toaide.billing.PaymentProvider.WebhookEvent;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans and payments: Checkout and the portal for the signed-in user, and the webhook state
 * machine that moves an account between Free and Pro (docs/decisions.md).
 *
 * <p>Billing is off when no {@link PaymentProvider} is configured: then every user is Free,
 * no upgrade is offered and the billing routes do not exist.
 */
public final class BillingService {
    private static final Logger log = LoggerFactory.getLogger(BillingService.class);

    static final String PAYMENT_FAILED = "Your last payment failed; update your card in the billing portal.";
    static final String UPGRADE_PENDING = "Payment received. Pro starts as soon as Stripe confirms it, usually within a minute.";
    static final String UPGRADED = "Pro is active.";
    static final String NO_CUSTOMER = "There is no billing account yet. The billing portal opens once Pro has been bought.";

    /** Subscription statuses after which Stripe charges nothing more. */
    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

    /** Subscription statuses under which the user is told a payment failed. */
    private static final Set<String> PAYMENT_FAILING = Set.of("past_due", "unpaid");

    /** Stripe's price is asked again after this long; a price change shows within the hour. */
    static final Duration PRICE_FRESH = Duration.ofHours(1);
    /** After Stripe failed to answer, the account page waits this long before asking again. */
    private static final Duration PRICE_RETRY = Duration.ofMinutes(1);

    private final Database db;
    private final Optional<PaymentProvider> payments;
    private final URI editorUrl;
    /** The last price Stripe gave (label or null) and when to ask again, on System.nanoTime. */
    private record CachedPrice(String label, long askAgainAt) {}
    private volatile CachedPrice price = new CachedPrice(null, System.nanoTime());

    /** {@code payments} empty means billing is off. */
    public BillingService(Database db, Optional<PaymentProvider> payments, URI editorUrl) {
        this.db = db;
        this.payments = payments;
        this.editorUrl = editorUrl;
    }

    public boolean enabled() {
        return payments.isPresent();
    }

    /** The user's plan, for limits elsewhere (turns, aides, slugs). Always Free while billing is off. */
    public Plan plan(UUID userId) {
        if (!enabled()) {
            return Plan.FREE;
        }
        return BillingDao.plan(db, userId);
    }

    /** The plan for the account page, without a notice from a return trip to Stripe. */
    public PlanView planView(UUID userId) {
        return planView(userId, Arrival.DIRECT);
    }

    /** How the browser came to the plan: back from Stripe's checkout, from a portal with nothing to manage, or directly. */
    public enum Arrival {
        DIRECT, FROM_CHECKOUT, NOTHING_TO_MANAGE;

        /**
         * From the page's query: Stripe sends the browser back with {@code ?upgraded=1}, the
         * portal button with {@code ?billing=no_customer} when there is nothing to manage yet.
         */
        public static Arrival of(String upgraded, String billing) {
            if (upgraded != null) {
                return FROM_CHECKOUT;
            }
            return "no_customer".equals(billing) ? NOTHING_TO_MANAGE : DIRECT;
        }
    }

    /** The plan for the account page, with the notice that fits how the browser arrived. */
    public PlanView planView(UUID userId, Arrival arrival) {
        if (!enabled()) {
            return new PlanView(Plan.FREE.code(), false, false, false, null, null);
        }
        var account = db.asUser(userId, handle -> handle.attach(BillingDao.class).account(userId));
        if (account.isEmpty()) {
            return new PlanView(Plan.FREE.code(), true, false, false, null, priceLabel());
        }
        var a = account.get();
        String notice = a.subscriptionStatus() != null && PAYMENT_FAILING.contains(a.subscriptionStatus()) ? PAYMENT_FAILED : returnNotice(a, arrival);
        return new PlanView(Plan.of(a.tier()).code(), true, !a.isPro(), a.stripeCustomerId() != null, notice, priceLabel());
    }

    /**
     * What Pro costs, from Stripe for STRIPE_PRICE_ID, asked at most hourly. When Stripe does
     * not answer, the last known price stands (or none is shown) and it is asked again a minute later.
     */
    private String priceLabel() {
        var cached = price;
        if (System.nanoTime() - cached.askAgainAt() < 0) {
            return cached.label();
        }
        try {
            String label = payments.orElseThrow(BillingService::off).price().label();
            price = new CachedPrice(label, System.nanoTime() + PRICE_FRESH.toNanos());
            return label;
        } catch (Failure.Unavailable | IllegalArgumentException e) {
            log.warn("Stripe's price for Pro is unknown for now: {}", e.getMessage());
            price = new CachedPrice(cached.label(), System.nanoTime() + PRICE_RETRY.toNanos());
            return cached.label();
        }
    }

    /**
     * Before an account is deleted ({@code AccountCleanup}, first of all): cancels its
     * subscription, so a deleted account is never charged again. When Stripe does not confirm,
     * this throws and the account is kept.
     */
    public void beforeAccountDelete(UUID userId) {
        if (payments.isEmpty()) {
            return;
        }
        db.asUser(userId, handle -> handle.attach(BillingDao.class).account(userId))
                .filter(account -> account.stripeSubscriptionId() != null && !ENDED.contains(account.subscriptionStatus()))
                .ifPresent(account -> payments.get().cancelSubscription(account.stripeSubscriptionId()));
    }

    /**
     * Where to send the browser to buy Pro: a Stripe Checkout page, or back to the account page
     * when the user is Pro already (a second subscription would be charged twice).
     */
    public URI checkout(UUID userId) {
        var provider = payments.orElseThrow(BillingService::off);
        var account = db.asUser(userId, handle -> handle.attach(BillingDao.class).account(userId)).orElseThrow();
        if (account.isPro()) {
            return URI.create("/account");
        }
        return provider.createCheckout(new CheckoutRequest(userId, account.stripeCustomerId(), account.email(),
                URI.create(editorUrl + "/account?upgraded=1"), URI.create(editorUrl + "/account")));
    }

    /** Where to send the browser to manage billing: the Stripe portal, or the account page with a message. */
    public URI portal(UUID userId) {
        var provider = payments.orElseThrow(BillingService::off);
        var account = db.asUser(userId, handle -> handle.attach(BillingDao.class).account(userId)).orElseThrow();
        if (account.stripeCustomerId() == null) {
            return URI.create("/account?billing=no_customer");
        }
        return provider.createPortal(account.stripeCustomerId(), URI.create(editorUrl + "/account"));
    }

    /**
     * Handles one Stripe webhook delivery. The event id is recorded in the same transaction as
     * its effect, so a replay does nothing. The subscription's current status is fetched from
     * Stripe before that transaction (never inside it), so events arriving late or out of order
     * end in the state Stripe holds now.
     *
     * @throws Failure.Invalid on a bad or old signature; nothing changes
     * @throws Failure.Unavailable when Stripe cannot be asked; nothing is recorded, so Stripe's retry applies it
     */
    public void receive(String payload, String signatureHeader) {
        var provider = payments.orElseThrow(BillingService::off);
        var event = provider.verify(payload, signatureHeader);
        if (db.asSystem(handle -> handle.attach(BillingDao.class).seen(event.id()))) {
            return;
        }
        var subscription = currentSubscription(provider, event);
        boolean applied = db.asSystem(handle -> {
            var dao = handle.attach(BillingDao.class);
            if (!dao.record(event.id(), event.type())) {
                return false;
            }
            apply(dao, event, subscription);
            return true;
        });
        if (applied) {
            log.info("Stripe event {} handled", event.type());
        }
    }

    /** The network half of {@link #receive}: what Stripe says about the event's subscription now. */
    private static Optional<SubscriptionState> currentSubscription(PaymentProvider provider, WebhookEvent event) {
        if (event.subscriptionId() == null) {
            return Optional.empty();
        }
        return switch (event.type()) {
            // Deletion is final for that subscription: nothing newer can be asked for.
            case "customer.subscription.deleted" ->
                    Optional.of(new SubscriptionState(event.subscriptionId(), event.customerId(), "canceled"));
            case "checkout.session.completed", "customer.subscription.created", "customer.subscription.updated" ->
                    Optional.of(provider.fetchSubscription(event.subscriptionId())
                            .orElse(new SubscriptionState(event.subscriptionId(), event.customerId(), "canceled")));
            default -> Optional.empty();
        };
    }

    /** The database half of {@link #receive}, inside the transaction that records the event. */
    private static void apply(BillingDao dao, WebhookEvent event, Optional<SubscriptionState> subscription) {
        switch (event.type()) {
            case "checkout.session.completed" -> buyer(dao, event).ifPresent(account -> {
                if (subscription.isPresent()) {
                    follow(dao, account, event.customerId(), subscription.get());
                } else if (event.customerId() != null) {
                    dao.rememberCustomer(account.id(), event.customerId());
                }
            });
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    subscription.ifPresent(current -> customer(dao, event)
                            .ifPresent(account -> follow(dao, account, null, current)));
            case "invoice.payment_failed" -> customer(dao, event).ifPresent(account -> {
                if (event.subscriptionId() == null || account.stripeSubscriptionId() == null
                        || event.subscriptionId().equals(account.stripeSubscriptionId())) {
                    dao.paymentFailed(account.id(), "past_due");
                }
            });
            default -> {
                // Recorded and otherwise ignored.
            }
        }
    }

    /**
     * Makes {@code subscription} the account's own, with the tier its status gives, unless it is
     * about another subscription than the one that counts: an old one, while the current one
     * still pays for Pro or has lapsed too. A lapsed account adopts any subscription that pays.
     */
    private static void follow(BillingDao dao, BillingAccount account, String customerId, SubscriptionState subscription) {
        boolean isCurrent = account.stripeSubscriptionId() == null
                || account.stripeSubscriptionId().equals(subscription.id());
        boolean replacesLapsed = subscription.entitlesPro() && !account.isPro();
        if (!isCurrent && !replacesLapsed) {
            return;
        }
        Plan plan = subscription.entitlesPro() ? Plan.PRO : Plan.FREE;
        dao.follow(account.id(), customerId, subscription.id(), subscription.status(), plan.code());
    }

    /** The user who bought: the checkout's client_reference_id, else the customer's user. */
    private static Optional<BillingAccount> buyer(BillingDao dao, WebhookEvent event) {
        return userId(event.clientReferenceId()).flatMap(dao::account).or(() -> customer(dao, event));
    }

    private static Optional<BillingAccount> customer(BillingDao dao, WebhookEvent event) {
        return event.customerId() == null ? Optional.empty() : dao.accountOfCustomer(event.customerId());
    }

    private static Optional<UUID> userId(String reference) {
        try {
            return reference == null ? Optional.empty() : Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String returnNotice(BillingAccount account, Arrival arrival) {
        return switch (arrival) {
            case FROM_CHECKOUT -> account.isPro() ? UPGRADED : UPGRADE_PENDING;
            case NOTHING_TO_MANAGE -> account.stripeCustomerId() == null ? NO_CUSTOMER : null;
            case DIRECT -> null;
        };
    }

    private static IllegalStateException off() {
        return new IllegalStateException("Billing is off: no STRIPE_* variables are set");
    }
}
