package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The abuse thresholds (docs/operations.md), through the real app and a fake Slack webhook. */
class AbuseCheckTest {
    @AutoClose static FakeSlack slack;
    @AutoClose static TestApp app;
    @AutoClose static Database db;
    static AbuseCheck check;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("SLACK_WEBHOOK", slack.url().toString()));
        db = Database.connect(app.database, 3);
        check = new AbuseCheck(db, new RateLimiter(db, Clock.systemUTC()), new SlackAlerts(slack.url()), Clock.systemUTC());
    }

    static UUID newAide(UUID userId) {
        return db.asSystem(h -> h.createQuery("insert into aides (user_id, state) values (:u, '{}'::jsonb) returning id")
                .bind("u", userId).mapTo(UUID.class).one());
    }

    static void turns(UUID userId, int count) {
        UUID aide = newAide(userId);
        db.asSystem(h -> h.createUpdate("""
                        insert into turns (aide_id, user_id, status)
                        select :a, :u, 'done' from generate_series(1, :n)
                        """).bind("a", aide).bind("u", userId).bind("n", count).execute());
    }

    static void requestsThisMinute(String key, int count) {
        long now = Instant.now().getEpochSecond();
        Instant window = Instant.ofEpochSecond(Math.floorDiv(now, 60) * 60);
        db.asSystem(h -> h.createUpdate("insert into rate_limits (key, window_start, count) values (:k, :w, :c)")
                .bind("k", key).bind("w", window).bind("c", count).execute());
    }

    /**
     * Sets up and runs the check while holding its job: the app's own scheduler runs the same
     * check every minute, and had it run between the two it would have limited the user (or
     * spent the address's hourly alert) first, leaving nothing new for this check to report.
     */
    static AbuseCheck.Findings checkAfter(Runnable setup) {
        return JobLock.holding(db, check.name(), () -> {
            setup.run();
            return check.check();
        });
    }

    static String alertAbout(UUID userId) {
        return slack.bodies().stream().filter(body -> body.contains(userId.toString())).findFirst().orElseThrow();
    }

    @Test
    void a_free_user_over_twenty_turns_in_an_hour_is_alerted_and_limited() {
        var user = app.newUser();

        var findings = checkAfter(() -> turns(user.id(), 21));

        assertThat(findings.limitedUsers()).containsKey(user.id());
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(alertAbout(user.id())).contains("21 turns"));
        String alert = alertAbout(user.id());
        assertThat(JsonMapper.builder().build().readTree(alert).get("text").asString()).contains(user.id().toString());
        assertThat(alert).doesNotContain(user.email());
        // Every instance reloads the limited users each second.
        Eventually.within(Duration.ofSeconds(10), () -> {
            var limited = app.postJson("/aides", "{}", user);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.body()).contains("paused");
        });
        assertThat(app.getJson("/aides", user).statusCode()).isEqualTo(200);
    }

    @Test
    void the_app_runs_its_abuse_check_and_cleanup_on_its_own_scheduler() {
        // Its first tick runs both; had another test held the check then, the check runs in the next minute.
        Eventually.within(Duration.ofSeconds(90), () -> {
            java.util.List<String> ran = db.asSystem(h -> h.createQuery("select job from scheduled_runs").mapTo(String.class).list());
            assertThat(ran).contains("abuse-check", "cleanup");
        });
    }

    @Test
    void a_user_at_the_threshold_is_left_alone() {
        var user = app.newUser();
        turns(user.id(), 20);

        assertThat(check.check().limitedUsers()).doesNotContainKey(user.id());
        assertThat(app.postJson("/aides", "{}", user).statusCode()).isEqualTo(201);
    }

    @Test
    void a_user_creating_over_ten_aides_in_an_hour_is_limited() {
        var user = app.newUser();

        var findings = checkAfter(() -> {
            for (int i = 0; i < 11; i++) {
                newAide(user.id());
            }
        });

        assertThat(findings.limitedUsers()).containsKey(user.id());
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(alertAbout(user.id())).contains("11 aides"));
        UUID aide = newAide(user.id());
        Eventually.within(Duration.ofSeconds(10),
                () -> assertThat(app.postJson("/aides/" + aide + "/rename", "{\"title\":\"x\"}", user).statusCode()).isEqualTo(429));
    }

    @Test
    void a_user_over_a_hundred_requests_in_a_minute_is_limited_once() {
        var user = app.newUser();

        assertThat(checkAfter(() -> requestsThisMinute("editor-user:" + user.id(), 150)).limitedUsers()).containsKey(user.id());
        assertThat(check.check().limitedUsers()).doesNotContainKey(user.id());
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(alertAbout(user.id())).contains("150 requests"));
        assertThat(slack.bodies().stream().filter(body -> body.contains(user.id().toString()))).hasSize(1);
    }

    @Test
    void a_flooding_address_is_alerted_by_hash_once_an_hour() {
        String address = "203.0.113.77";

        assertThat(checkAfter(() -> requestsThisMinute("editor-ip:" + address, 600)).floodingAddresses())
                .containsExactly(AbuseCheck.addressHash(address));
        assertThat(check.check().floodingAddresses()).isEmpty();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(slack.bodies())
                .anySatisfy(body -> assertThat(body).contains(AbuseCheck.addressHash(address))));
        assertThat(slack.bodies()).noneSatisfy(body -> assertThat(body).contains(address));
    }
}
