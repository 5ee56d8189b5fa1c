package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.toaide.testing.TestPostgres;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 100 requests a minute per user and per address on the editor, counted in Postgres across instances. */
class EditorRateLimitTest {
    @AutoClose static TestApp app;
    @AutoClose static Database db;

    @BeforeAll
    static void start() {
        // Behind a trusted proxy, so requests can come from a real (non-loopback) address.
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("TRUSTED_PROXY", "true"));
        db = Database.connect(app.database, 2);
    }

    static HttpResponse<String> fromAddress(String address, TestApp.TestUser user) {
        return app.get("/aides", "Accept", "application/json", "Cookie", user.cookie(), "X-Forwarded-For", address);
    }

    @Test
    void local_requests_are_counted_per_user_only() {
        var first = app.newUser();
        for (int i = 0; i < 100; i++) {
            app.getJson("/aides", first);
        }
        assertThat(app.getJson("/aides", app.newUser()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_user_past_a_hundred_requests_in_a_minute_gets_a_429_with_retry_after() {
        var user = app.newUser();
        HttpResponse<String> response = null;
        int allowed = 0;
        // A minute boundary may fall inside the loop; 250 requests cross the limit either way.
        for (int i = 0; i < 250; i++) {
            response = app.getJson("/aides", user);
            if (response.statusCode() != 200) {
                break;
            }
            allowed++;
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(allowed).isGreaterThanOrEqualTo(100);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(response.body()).contains("rate_limited");
    }

    @Test
    void an_address_past_a_hundred_requests_is_limited_whichever_user_signs_in() {
        String address = "198.51.100.23";
        var fresh = app.newUser();
        assertThat(fromAddress(address, fresh).statusCode()).isEqualTo(200);
        // Counted in memory and added to Postgres within a second.
        Eventually.within(Duration.ofSeconds(10), () -> {
            int rows = db.asSystem(h -> h.createQuery("select count(*) from rate_limits where key like 'editor-ip:%'")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        });
        List<String> keys = db.asSystem(h -> h.createQuery("select distinct key from rate_limits where key like 'editor-ip:%'")
                .mapTo(String.class).list());
        assertThat(keys).containsExactly("editor-ip:" + address);
        // This minute's window and the next, so the test holds across a minute boundary.
        long minute = Math.floorDiv(Instant.now().getEpochSecond(), 60) * 60;
        for (long start : new long[] {minute, minute + 60}) {
            db.asSystem(h -> h.createUpdate("""
                            insert into rate_limits (key, window_start, count) values (:k, :w, 100)
                            on conflict (key, window_start) do update set count = greatest(rate_limits.count, 100)
                            """).bind("k", keys.get(0)).bind("w", Instant.ofEpochSecond(start)).execute());
        }

        // Counts from other instances arrive with this instance's next flush, within a second.
        var another = app.newUser();
        Eventually.within(Duration.ofSeconds(10), () -> {
            var response = fromAddress(address, another);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        });
        // The same user from another address is not held back by that address.
        assertThat(fromAddress("198.51.100.24", another).statusCode()).isEqualTo(200);
        // Routes for anyone (health checks, the landing page) are not counted.
        assertThat(app.get("/health").statusCode()).isEqualTo(200);
    }
}
