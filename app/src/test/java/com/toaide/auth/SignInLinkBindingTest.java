package com.toaide.auth;

import static com.toaide.auth.SignInFlow.newEmail;
import static com.toaide.auth.SignInFlow.newIp;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in CSRF: a page on another site can send a browser to {@code /auth/verify?token=} with
 * its own token. Only the browser that asked for the link signs in without a question; anywhere
 * else the page names the account and waits for a click (docs/security.md).
 */
class SignInLinkBindingTest {
    @AutoClose static TestApp app;
    @AutoClose static Database db;
    static SignInFlow flow;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("TRUSTED_PROXY", "true"));
        db = Database.connect(app.database, 2);
        flow = new SignInFlow(app, db);
    }

    @Test
    void the_browser_that_asked_for_the_link_signs_in_without_a_question() {
        String email = newEmail("asker");
        String ip = newIp();
        var requested = flow.requestLink(email, ip);
        String linkCookie = linkCookieLine(requested);
        assertThat(linkCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/auth", "Max-Age=900");
        String token = flow.latestToken(email);

        var page = app.get("/auth/verify?token=" + token, "Cookie", value(linkCookie), "X-Forwarded-For", ip);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-auto-submit", "name=\"token\" value=\"" + token + "\"");

        var verified = flow.verify(token, ip);
        assertThat(verified.headers().firstValue("Location")).hasValue("/aides");
        assertThat(linkCookieLine(verified)).startsWith(SessionGuard.LINK_COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970");
    }

    @Test
    void a_link_opened_on_another_device_names_the_account_and_waits_for_a_click() {
        String email = newEmail("elsewhere");
        String ip = newIp();
        flow.requestLink(email, ip);
        String token = flow.latestToken(email);

        var page = app.get("/auth/verify?token=" + token, "X-Forwarded-For", ip);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("This link signs in as <strong>" + email + "</strong>", "another device or browser", ">Sign in</button>")
                .doesNotContain("data-auto-submit");
        assertThat(flow.usedLinks(email)).as("the page must not use the link up").isZero();

        // The click still works there: signing in from the phone that opened the email is fine.
        assertThat(flow.verify(token, ip).headers().firstValue("Location")).hasValue("/aides");
    }

    @Test
    void a_signed_in_browser_sent_to_a_strangers_link_is_not_signed_in_by_itself() {
        String victim = newEmail("victim");
        String victimSession = flow.signIn(victim);
        String attacker = newEmail("attacker");
        String attackerIp = newIp();
        var attackerRequest = flow.requestLink(attacker, attackerIp);
        String attackerToken = flow.latestToken(attacker);

        // The victim's browser holds its session, and even the attacker's own link cookie would
        // not help: a page on another site cannot set cookies for this one.
        var page = app.get("/auth/verify?token=" + attackerToken,
                "Cookie", SessionGuard.COOKIE + "=" + victimSession, "X-Forwarded-For", newIp());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("This link signs in as <strong>" + attacker + "</strong>", "signed in to AIde already")
                .doesNotContain("data-auto-submit");
        assertThat(linkCookieLine(attackerRequest)).isNotEmpty();
        assertThat(flow.usedLinks(attacker)).isZero();
    }

    @Test
    void a_used_or_unknown_link_goes_straight_to_the_sign_in_page_with_the_reason() {
        String email = newEmail("twice");
        String ip = newIp();
        flow.requestLink(email, ip);
        String token = flow.latestToken(email);
        flow.verify(token, ip);

        var used = app.get("/auth/verify?token=" + token, "X-Forwarded-For", ip);
        assertThat(used.statusCode()).isEqualTo(303);
        assertThat(used.headers().firstValue("Location")).hasValue("/login?error=link_used");
        var unknown = app.get("/auth/verify?token=" + "A".repeat(43), "X-Forwarded-For", ip);
        assertThat(unknown.headers().firstValue("Location")).hasValue("/login?error=invalid_link");
    }

    static String linkCookieLine(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(line -> line.startsWith(SessionGuard.LINK_COOKIE + "="))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + SessionGuard.LINK_COOKIE + " cookie was set"));
    }

    static String value(String cookieLine) {
        return cookieLine.substring(0, cookieLine.contains(";") ? cookieLine.indexOf(';') : cookieLine.length());
    }
}
