package com.toaide.auth;

import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account rules without HTTP: the turn week, and the cleanup seam before deletion. */
class AccountServiceTest {
    static final Instant NOW = Instant.parse("2026-02-12T15:00:00Z");
    @AutoClose static Database db;
    /** Billing off: every account is on Free. */
    static BillingService BILLING_OFF;

    @BeforeAll
    static void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 2);
        BILLING_OFF = new BillingService(db, java.util.Optional.empty(), java.net.URI.create("http://localhost"));
    }

    @Test
    void a_week_counts_turns_until_seven_days_after_it_started() {
        var started = NOW.minusSeconds(3 * 86_400);
        var account = Account.of(UUID.randomUUID(), "a@example.com", Plan.FREE, 7, started, NOW);
        assertThat(account.turnsUsed()).isEqualTo(7);
        assertThat(account.turnsLeft()).isEqualTo(43);
        assertThat(account.weekResetsAt()).isEqualTo(Instant.parse("2026-02-16T15:00:00Z"));
    }

    @Test
    void a_week_that_has_run_its_seven_days_counts_nothing_until_the_next_turn() {
        var exactlySevenDays = Account.of(UUID.randomUUID(), "a@example.com", Plan.FREE, 50, NOW.minusSeconds(7 * 86_400), NOW);
        assertThat(exactlySevenDays.turnsUsed()).isZero();
        assertThat(exactlySevenDays.weekResetsAt()).isNull();
        var never = Account.of(UUID.randomUUID(), "a@example.com", Plan.FREE, 0, null, NOW);
        assertThat(never.turnsUsed()).isZero();
        assertThat(never.turnsLimit()).isEqualTo(TurnWeek.FREE_TURNS_PER_WEEK);
    }

    @Test
    void pro_has_no_limit_and_no_turns_left_figure() {
        var pro = Account.of(UUID.randomUUID(), "a@example.com", Plan.PRO, 80, NOW.minusSeconds(60), NOW);
        assertThat(pro.turnsLimit()).isNull();
        assertThat(pro.turnsLeft()).isNull();
    }

    @Test
    void cleanups_run_in_order_before_the_user_is_deleted() {
        UUID user = createUser("cleaned@example.com");
        List<String> seen = new ArrayList<>();
        AccountCleanup first = id -> seen.add("first, user present: " + userExists(id));
        AccountCleanup second = id -> seen.add("second, user present: " + userExists(id));
        var accounts = new AccountService(db, BILLING_OFF, List.of(first, second), Clock.systemUTC());

        assertThat(accounts.delete(user, "cleaned@example.com")).isTrue();
        assertThat(seen).containsExactly("first, user present: true", "second, user present: true");
        assertThat(userExists(user)).isFalse();
    }

    @Test
    void a_failing_cleanup_keeps_the_account() {
        UUID user = createUser("kept@example.com");
        AccountCleanup failing = id -> {
            throw new IllegalStateException("storage down");
        };
        var accounts = new AccountService(db, BILLING_OFF, List.of(failing), Clock.systemUTC());
        assertThatThrownBy(() -> accounts.delete(user, "kept@example.com")).hasMessage("storage down");
        assertThat(userExists(user)).isTrue();
    }

    @Test
    void cleanups_do_not_run_when_the_confirmation_does_not_match() {
        UUID user = createUser("unconfirmed@example.com");
        List<UUID> seen = new ArrayList<>();
        var accounts = new AccountService(db, BILLING_OFF, List.of(seen::add), Clock.systemUTC());
        assertThat(accounts.delete(user, "other@example.com")).isFalse();
        assertThat(seen).isEmpty();
        assertThat(userExists(user)).isTrue();
    }

    static UUID createUser(String email) {
        return db.asSystem(h -> h.createQuery("insert into users (email) values (:e) returning id").bind("e", email).mapTo(UUID.class).one());
    }

    static boolean userExists(UUID id) {
        return db.asSystem(h -> h.createQuery("select count(*) from users where id = :id").bind("id", id).mapTo(Long.class).one()) == 1;
    }
}
