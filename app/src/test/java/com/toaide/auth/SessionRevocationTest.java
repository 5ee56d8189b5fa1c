package com.toaide.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each instance remembers live sessions for a while; signing out (or deleting the account) on
 * one instance must still end the session on the others, within moments, not a minute later.
 */
class SessionRevocationTest {
    static TestApp here;
    static TestApp there;

    @BeforeAll
    static void start() {
        var database = TestPostgres.freshDatabase();
        var secret = Map.of("JWT_SECRET", "two-instances-one-secret-".repeat(2));
        here = TestApp.start(database, secret);
        there = TestApp.start(database, secret);
        there.awaitListening();
    }

    @AfterAll
    static void stop() {
        here.close();
        there.close();
    }

    @Test
    void signing_out_on_one_instance_ends_the_session_on_the_other() {
        var user = here.newUser();
        // Both instances have now found the session live, and remember it.
        assertThat(here.getJson("/aides", user).statusCode()).isEqualTo(200);
        assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(200);

        assertThat(here.postForm("/logout", Map.of(), "Cookie", user.cookie()).statusCode()).isEqualTo(303);

        assertThat(here.getJson("/aides", user).statusCode()).isEqualTo(401);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(401));
    }

    @Test
    void deleting_the_account_on_one_instance_ends_its_sessions_on_the_other() {
        var user = here.newUser();
        var otherDevice = new TestApp.TestUser(user.id(), user.email(), there.newSessionCookie(user.id()));
        assertThat(there.getJson("/aides", otherDevice).statusCode()).isEqualTo(200);
        assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(200);

        var deleted = here.postForm("/account/delete", Map.of("confirm_email", user.email()), "Cookie", user.cookie());
        assertThat(deleted.statusCode()).isEqualTo(303);

        Eventually.within(Duration.ofSeconds(5), () -> {
            assertThat(there.getJson("/aides", user).statusCode()).isEqualTo(401);
            assertThat(there.getJson("/aides", otherDevice).statusCode()).isEqualTo(401);
        });
    }
}
