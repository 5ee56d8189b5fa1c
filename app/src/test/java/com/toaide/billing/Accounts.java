package com.toaide.billing;

import com.toaide.auth.SessionService;
import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import java.time.Clock;
import java.util.UUID;

/** Users for billing tests: created and signed in directly, their billing columns read back. */
final class Accounts implements AutoCloseable {
    record Row(String tier, String customer, String subscription, String status) {}

    final Database db;
    private final SessionService sessions;

    Accounts(TestApp app) {
        this.db = Database.connect(app.database, 2);
        this.sessions = new SessionService(db, app.config.jwtSecret(), Clock.systemUTC());
    }

    UUID create() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        return db.asSystem(handle -> handle.createQuery("insert into users (email) values (:email) returning id")
                .bind("email", email).mapTo(UUID.class).one());
    }

    String email(UUID user) {
        return db.asSystem(handle -> handle.createQuery("select email from users where id = :id")
                .bind("id", user).mapTo(String.class).one());
    }

    /** The Cookie header value of a fresh session for {@code user}. */
    String cookie(UUID user) {
        return "aide_session=" + sessions.start(user).token();
    }

    Row row(UUID user) {
        return db.asSystem(handle -> handle.createQuery("""
                        select tier, stripe_customer_id, stripe_subscription_id, subscription_status
                          from users where id = :id
                        """)
                .bind("id", user)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .one());
    }

    /** Arranges a user's billing state directly, as earlier webhooks would have left it. */
    void set(UUID user, String tier, String customer, String subscription, String status) {
        db.asSystem(handle -> handle.createUpdate("""
                        update users set tier = :tier, stripe_customer_id = :customer,
                               stripe_subscription_id = :subscription, subscription_status = :status
                         where id = :id
                        """)
                .bind("id", user).bind("tier", tier).bind("customer", customer)
                .bind("subscription", subscription).bind("status", status)
                .execute());
    }

    int recorded(String eventId) {
        return db.asSystem(handle -> handle.createQuery("select count(*) from stripe_events where id = :id")
                .bind("id", eventId).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        db.close();
    }
}
