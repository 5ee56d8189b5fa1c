package com.toaide.auth;

import static com.toaide.auth.SignInFlow.cookie;
import static com.toaide.auth.SignInFlow.inOneWindow;
import static com.toaide.auth.SignInFlow.newEmail;
import static com.toaide.auth.SignInFlow.newIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.db.Database;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.platform.mail.DevOutbox;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in (docs/security.md), over real HTTP against a real database and the dev outbox. */
class SignInTest {
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
    void a_link_signs_in_only_when_its_confirm_page_is_submitted() {
        String email = newEmail("ada");
        String ip = newIp();

        var requested = flow.requestLink(email, ip);
        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(requested.headers().firstValue("Location")).hasValue("/login/sent");
        var sent = app.get("/login/sent");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your email", "15 minutes").doesNotContain("!</", email);

        String link = flow.latestLink(email).orElseThrow();
        assertThat(link).startsWith(app.origin() + "/auth/verify?token=");
        String token = flow.latestToken(email);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);

        var page = app.get("/auth/verify?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("action=\"/auth/verify\"", "name=\"token\" value=\"" + token + "\"", ">Sign in</button>")
                .contains("<script src=\"/static/js/verify.js?v=")
                .doesNotContain("<script>");
        assertThat(SignInFlow.sessionCookieLine(page)).isEmpty();
        assertThat(flow.usedLinks(email)).as("the GET must not consume the link").isZero();

        var verified = flow.verify(token, ip);
        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(verified.headers().firstValue("Location")).hasValue("/aides");
        String cookieLine = SignInFlow.sessionCookieLine(verified).orElseThrow();
        assertThat(cookieLine).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").doesNotContainIgnoringCase("Secure");

        var dashboard = app.get("/aides", cookie(SignInFlow.sessionCookie(verified).orElseThrow()));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Your pages", "action=\"/logout\"", "Sign out");
    }

    @Test
    void a_link_that_creates_an_account_counts_as_a_sign_up_and_a_returning_one_does_not() {
        // The traffic-spike alert counts sign-ups through this hook (TrafficSpikesTest).
        var signUps = new AtomicInteger();
        var clock = Clock.systemUTC();
        var service = new MagicLinkService(db, new DevOutbox(db),
                new RateLimiter(db, clock), new SessionService(db, "s".repeat(32), clock),
                URI.create(app.origin()), signUps::incrementAndGet);
        String email = newEmail("counted");

        for (int visit = 0; visit < 2; visit++) {
            service.requestLink(email, newIp());
            assertThat(service.verify(flow.latestToken(email), newIp())).isInstanceOf(MagicLinkService.SignedIn.class);
        }

        assertThat(signUps).hasValue(1);
    }

    @Test
    void the_sign_in_page_without_an_error_shows_just_the_form() {
        var page = app.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/login\"", "name=\"email\"").doesNotContain("role=\"alert\"");
    }

    @Test
    void the_verify_script_is_a_static_file() {
        var script = app.get("/static/js/verify.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("form.submit()");
    }

    @Test
    void only_the_hash_of_a_token_is_stored_and_it_expires_in_15_minutes() {
        String email = newEmail("hash");
        flow.requestLink(email, newIp());
        String token = flow.latestToken(email);
        var row = db.asSystem(h -> h.createQuery("""
                        select encode(token_hash, 'hex') as hash,
                               extract(epoch from expires_at - created_at)::int as seconds
                          from magic_links where email = :email
                        """).bind("email", email).mapToMap().one());
        assertThat(row.get("hash")).isEqualTo(sha256Hex(token)).isNotEqualTo(token);
        assertThat(row.get("seconds")).isEqualTo(15 * 60);
    }

    @Test
    void the_answer_is_the_same_for_an_address_with_an_account_and_one_without() {
        String known = newEmail("known");
        flow.signIn(known);
        String unknown = newEmail("unknown");

        var forKnown = flow.requestLink(known, newIp());
        var forUnknown = flow.requestLink(unknown, newIp());

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(303);
        assertThat(forUnknown.headers().firstValue("Location")).isEqualTo(forKnown.headers().firstValue("Location"));
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(flow.latestLink(unknown)).isPresent();
    }

    @Test
    void an_address_is_lower_cased_and_trimmed() {
        String email = newEmail("mixed");
        flow.requestLink("  " + email.toUpperCase() + " ", newIp());
        assertThat(flow.latestLink(email)).isPresent();
        flow.verify(flow.latestToken(email), newIp());
        assertThat(flow.userId(email)).isNotNull();
    }

    @Test
    void something_that_is_not_an_address_gets_the_form_back_and_no_email() {
        int before = new DevOutbox(db).newest().size();
        var response = flow.requestLink("not-an-address", newIp());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Enter a whole email address", "action=\"/login\"");
        assertThat(new DevOutbox(db).newest()).hasSize(before);
    }

    @Test
    void a_used_link_cannot_sign_in_again() {
        String email = newEmail("twice");
        flow.requestLink(email, newIp());
        String token = flow.latestToken(email);
        assertThat(flow.verify(token, newIp()).headers().firstValue("Location")).hasValue("/aides");

        var again = flow.verify(token, newIp());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/login?error=link_used");
        assertThat(SignInFlow.sessionCookie(again)).isEmpty();
        assertThat(app.get("/login?error=link_used").body()).contains("already used");
    }

    @Test
    void an_unknown_or_malformed_token_is_an_invalid_link() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(flow.verify(unknown, newIp()).headers().firstValue("Location")).hasValue("/login?error=invalid_link");
        assertThat(flow.verify("'; drop table users; --", newIp()).headers().firstValue("Location")).hasValue("/login?error=invalid_link");
        var missing = app.postForm("/auth/verify", Map.of(), "X-Forwarded-For", newIp());
        assertThat(missing.headers().firstValue("Location")).hasValue("/login?error=invalid_link");
    }

    @Test
    void an_expired_link_is_refused_as_expired() {
        String email = newEmail("late");
        flow.requestLink(email, newIp());
        String token = flow.latestToken(email);
        db.asSystem(h -> h.execute("update magic_links set expires_at = now() - interval '1 minute' where email = ?", email));

        var response = flow.verify(token, newIp());
        assertThat(response.headers().firstValue("Location")).hasValue("/login?error=link_expired");
        assertThat(SignInFlow.sessionCookie(response)).isEmpty();
        assertThat(flow.usedLinks(email)).isZero();
    }

    @Test
    void a_stranger_asking_for_links_to_someones_address_cannot_keep_them_from_signing_in() {
        String email = newEmail("victim");
        var responses = inOneWindow(Duration.ofMinutes(15), () ->
                IntStream.range(0, 4).mapToObj(i -> flow.requestLink(email, newIp())).toList());
        assertThat(responses.subList(0, 3)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(303));
        var refused = responses.get(3);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("still work: use the newest one in your inbox", "Try again in");

        // The refusal lasts no longer than the links already in the inbox: the newest still signs in.
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        boolean outlivesRefusal = db.asSystem(h -> h.createQuery("""
                select max(expires_at) >= now() + make_interval(secs => :retry - 2) from magic_links where email = :email""")
                .bind("retry", retryAfter).bind("email", email).mapTo(Boolean.class).one());
        assertThat(outlivesRefusal).isTrue();
        assertThat(flow.verify(flow.latestToken(email), newIp()).headers().firstValue("Location")).hasValue("/aides");
    }

    @Test
    void plus_tags_and_gmail_dots_share_one_address_limit_but_stay_separate_accounts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var responses = inOneWindow(Duration.ofMinutes(15), () -> List.of(
                flow.requestLink("ada" + tag + "+one@example.com", newIp()),
                flow.requestLink("Ada" + tag + "+two@Example.com", newIp()),
                flow.requestLink("ada" + tag + "@example.com", newIp()),
                flow.requestLink("ada" + tag + "+four@example.com", newIp()),
                flow.requestLink("a.da" + tag + "@gmail.com", newIp()),
                flow.requestLink("ada" + tag + "+x@googlemail.com", newIp()),
                flow.requestLink("ad.a" + tag + "@gmail.com", newIp()),
                flow.requestLink("ada" + tag + "@gmail.com", newIp())));
        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(303, 303, 303, 429, 303, 303, 303, 429);
        // Each link is for the address as typed (lower-cased): the tag still names its own account.
        assertThat(flow.latestLink("ada" + tag + "+two@example.com")).isPresent();
        assertThat(flow.latestLink("ada" + tag + "+four@example.com")).isEmpty();
    }

    @Test
    void a_refused_link_request_asked_for_as_json_gets_json() {
        var last = inOneWindow(Duration.ofMinutes(15), () -> {
            String email = newEmail("json");
            HttpResponse<String> response = null;
            for (int i = 0; i < 4; i++) {
                response = flow.requestLink(email, newIp(), "Accept", "application/json");
            }
            return response;
        });
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("\"error\":\"rate_limited\"", "use the newest one in your inbox");
    }

    @Test
    void the_twenty_first_link_from_one_client_within_an_hour_is_refused() {
        var responses = inOneWindow(Duration.ofHours(1), () -> {
            String ip = newIp();
            return IntStream.range(0, 21).mapToObj(i -> flow.requestLink(newEmail("crowd"), ip)).toList();
        });
        assertThat(responses.subList(0, 20)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(303));
        var refused = responses.get(20);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("from this network");
    }

    @Test
    void the_eleventh_verify_attempt_in_a_minute_is_refused_even_with_a_good_link() {
        record Burst(String email, String good, List<HttpResponse<String>> responses) {}
        // A new link for each try: when a try straddles two windows, its last verify may count
        // as the first of the new window and sign in with the link.
        var burst = inOneWindow(Duration.ofMinutes(1), () -> {
            String email = newEmail("patient");
            flow.requestLink(email, newIp());
            String good = flow.latestToken(email);
            String ip = newIp();
            var all = new ArrayList<HttpResponse<String>>();
            for (int i = 0; i < 10; i++) {
                all.add(flow.verify("x".repeat(43), ip));
            }
            all.add(flow.verify(good, ip));
            return new Burst(email, good, all);
        });
        var responses = burst.responses();
        assertThat(responses.subList(0, 10)).allSatisfy(r ->
                assertThat(r.headers().firstValue("Location")).hasValue("/login?error=invalid_link"));
        var refused = responses.get(10);
        assertThat(refused.headers().firstValue("Location")).hasValue("/login?error=too_many_attempts");
        assertThat(SignInFlow.sessionCookie(refused)).isEmpty();
        assertThat(flow.usedLinks(burst.email())).as("a refused attempt does not burn the link").isZero();
        assertThat(flow.verify(burst.good(), newIp()).headers().firstValue("Location")).hasValue("/aides");
    }

    @Test
    void two_simultaneous_clicks_on_one_link_sign_in_exactly_once() {
        String email = newEmail("double");
        flow.requestLink(email, newIp());
        String token = flow.latestToken(email);

        List<CompletableFuture<HttpResponse<String>>> clicks = IntStream.range(0, 2).mapToObj(i -> app.http().sendAsync(
                HttpRequest.newBuilder(app.base.resolve("/auth/verify"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", app.origin())
                        .header("X-Forwarded-For", newIp())
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString())).toList();
        var locations = clicks.stream().map(CompletableFuture::join)
                .map(r -> r.headers().firstValue("Location").orElseThrow()).toList();

        assertThat(locations).containsExactlyInAnyOrder("/aides", "/login?error=link_used");
        UUID user = flow.userId(email);
        long sessions = db.asSystem(h -> h.createQuery("select count(*) from sessions where user_id = :u").bind("u", user).mapTo(Long.class).one());
        assertThat(sessions).isEqualTo(1);
    }

    @Test
    void signing_out_revokes_the_session_so_the_old_cookie_stops_working() {
        String email = newEmail("leaving");
        String session = flow.signIn(email);
        assertThat(app.get("/aides", cookie(session)).statusCode()).isEqualTo(200);

        var out = app.postForm("/logout", Map.of(), cookie(session));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/");
        assertThat(out.headers().allValues("Set-Cookie")).as("the browser is told to forget the cookie, last")
                .last().asString().startsWith(SessionGuard.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970");

        var after = app.get("/aides", cookie(session));
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/login");
        UUID user = flow.userId(email);
        long live = db.asSystem(h -> h.createQuery("select count(*) from sessions where user_id = :u and revoked_at is null")
                .bind("u", user).mapTo(Long.class).one());
        assertThat(live).isZero();
    }

    @Test
    void signing_out_needs_a_session() {
        var response = app.postForm("/logout", Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void sign_in_requests_from_another_origin_are_refused() {
        for (String path : List.of("/login", "/auth/verify", "/logout")) {
            var response = app.send(HttpRequest.newBuilder(app.base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.com&token=x")));
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void a_verify_page_without_a_token_sends_the_visitor_to_sign_in() {
        var response = app.get("/auth/verify");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?error=invalid_link");
    }

    @Test
    void the_app_role_cannot_create_users() {
        String email = newEmail("someone");
        flow.signIn(email);
        UUID user = flow.userId(email);
        assertThatThrownBy(() -> db.asUser(user, h -> h.execute("insert into users (email) values ('intruder@example.com')")))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("permission denied");
    }

    private static String sha256Hex(String token) {
        return java.util.HexFormat.of().formatHex(MagicLinkService.sha256(token));
    }
}
