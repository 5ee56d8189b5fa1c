package com.toaide.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.platform.mail.DevOutbox;
import com.toaide.platform.mail.OutboxEmail;
import com.toaide.testing.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Signing in the way a person does, over real HTTP: ask for a link, read it from the dev
 * outbox, post it back. Each test uses its own client address (the app under test trusts
 * X-Forwarded-For), so per-address limits never leak between tests.
 */
public final class SignInFlow {
    private static final AtomicInteger addresses = new AtomicInteger();
    private static final AtomicInteger emails = new AtomicInteger();

    private final TestApp app;
    private final Database db;

    public SignInFlow(TestApp app, Database db) {
        this.app = app;
        this.db = db;
    }

    /** A client address no other test uses (TEST-NET ranges). */
    public static String newIp() {
        int n = addresses.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** An address no other test uses. */
    public static String newEmail(String name) {
        return name + "-" + emails.incrementAndGet() + "@example.com";
    }

    public HttpResponse<String> requestLink(String email, String ip, String... headers) {
        var all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = ip;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return app.postForm("/login", Map.of("email", email), all);
    }

    /** The newest sign-in link emailed to {@code email}. */
    public Optional<String> latestLink(String email) {
        return new DevOutbox(db).newest().stream()
                .filter(sent -> sent.recipient().equals(email))
                .map(OutboxEmail::link)
                .findFirst();
    }

    public String latestToken(String email) {
        String link = latestLink(email).orElseThrow(() -> new AssertionError("no link was emailed to " + email));
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    public HttpResponse<String> verify(String token, String ip) {
        return app.postForm("/auth/verify", Map.of("token", token), "X-Forwarded-For", ip);
    }

    /** Signs {@code email} in and returns the session cookie's value. */
    public String signIn(String email) {
        String ip = newIp();
        assertThat(requestLink(email, ip).statusCode()).isEqualTo(303);
        var response = verify(latestToken(email), ip);
        assertThat(response.headers().firstValue("Location")).hasValue("/aides");
        return sessionCookie(response).orElseThrow();
    }

    /** How many of the links emailed to {@code email} have been used up. */
    public long usedLinks(String email) {
        return db.asSystem(h -> h.createQuery("select count(*) from magic_links where email = :e and used")
                .bind("e", email).mapTo(Long.class).one());
    }

    public UUID userId(String email) {
        return db.asSystem(h -> h.createQuery("select id from users where email = :email").bind("email", email).mapTo(UUID.class).one());
    }

    /** The whole Set-Cookie line for the session cookie, if the response sets one (the last one wins). */
    public static Optional<String> sessionCookieLine(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(line -> line.startsWith(SessionGuard.COOKIE + "="))
                .reduce((first, second) -> second);
    }

    public static Optional<String> sessionCookie(HttpResponse<?> response) {
        return sessionCookieLine(response)
                .map(line -> line.substring(SessionGuard.COOKIE.length() + 1, line.contains(";") ? line.indexOf(';') : line.length()))
                .filter(value -> !value.isEmpty());
    }

    public static String[] cookie(String value) {
        return new String[] {"Cookie", SessionGuard.COOKIE + "=" + value};
    }

    /**
     * Runs a burst of requests that must fall in one fixed rate-limit window. Windows are
     * aligned to the clock, so a burst can straddle a boundary; then it runs once more (the
     * burst must use fresh subjects each time), and a burst of a second cannot straddle two.
     */
    public static <T> T inOneWindow(Duration window, Supplier<T> burst) {
        for (int attempt = 0; ; attempt++) {
            long before = Instant.now().getEpochSecond() / window.toSeconds();
            T result = burst.get();
            long after = Instant.now().getEpochSecond() / window.toSeconds();
            if (before == after || attempt > 0) {
                return result;
            }
        }
    }
}
