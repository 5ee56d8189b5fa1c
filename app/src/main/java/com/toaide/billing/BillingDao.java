package com.toaide.billing;

import com.toaide.platform.db.Database;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BillingAccount.class)
interface BillingDao {
    /**
     * The user's plan, read alone in one round trip ({@link Database#statementAsUser}): most requests
     * that ask for the plan ask nothing else of the database in that moment.
     */
    static Plan plan(Database db, UUID userId) {
        return db.statementAsUser(userId, "select tier from users where id = ?",
                (statement, first) -> statement.setObject(first, userId),
                row -> row.next() ? Plan.of(row.getString(1)) : Plan.FREE);
    }

    /** As the user, RLS shows only their own row; on the system path any user's. */
    @SqlQuery("""
            select id, email, tier, stripe_customer_id, stripe_subscription_id, subscription_status
              from users
             where id = :id
            """)
    Optional<BillingAccount> account(@Bind("id") UUID id);

    /** System path only (webhooks). */
    @SqlQuery("""
            select id, email, tier, stripe_customer_id, stripe_subscription_id, subscription_status
              from users
             where stripe_customer_id = :customer
            """)
    Optional<BillingAccount> accountOfCustomer(@Bind("customer") String customerId);

    /** System path only. True when the event id was already recorded. */
    @SqlQuery("""
            select exists (select 1 from stripe_events where id = :id)
            """)
    boolean seen(@Bind("id") String eventId);

    /** System path only. False when the id was already there: the event was handled before. */
    @SqlUpdate("""
            insert into stripe_events (id, type) values (:id, :type)
            on conflict (id) do nothing
            """)
    boolean record(@Bind("id") String eventId, @Bind("type") String type);

    /** The user's subscription becomes {@code subscription}, with the tier its status gives. */
    @SqlUpdate("""
            update users
               set stripe_customer_id = coalesce(:customer, stripe_customer_id),
                   stripe_subscription_id = :subscription,
                   subscription_status = :status,
                   tier = :tier,
                   updated_at = now()
             where id = :id
            """)
    void follow(@Bind("id") UUID userId, @Bind("customer") String customerId,
                @Bind("subscription") String subscriptionId, @Bind("status") String status,
                @Bind("tier") String tier);

    /** Only the customer is known (a checkout without a subscription). */
    @SqlUpdate("""
            update users
               set stripe_customer_id = coalesce(stripe_customer_id, :customer),
                   updated_at = now()
             where id = :id
            """)
    void rememberCustomer(@Bind("id") UUID userId, @Bind("customer") String customerId);

    /** A failed payment changes the status the user is told about, never the tier. */
    @SqlUpdate("""
            update users
               set subscription_status = :status,
                   updated_at = now()
             where id = :id
            """)
    void paymentFailed(@Bind("id") UUID userId, @Bind("status") String status);
}
