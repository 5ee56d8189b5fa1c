package com.toaide.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web platform over real HTTP: health, pages, errors, headers, the Origin check, limits. */
class WebPlatformTest {
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @Test
    void liveness_answers_without_dependencies() {
        var response = app.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void readiness_names_each_check() {
        var response = app.get("/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"storage\":\"ok\"}}");
    }

    @Test
    void the_landing_page_speaks_in_the_products_voice() {
        var response = app.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(response.body())
                .contains("<!doctype html>", "One page that always shows how things stand.", "href=\"/login\"")
                .contains("/static/css/app.css?v=")
                .doesNotContain("!</", "<script");
    }

    @Test
    void the_login_page_shows_only_known_error_messages() {
        assertThat(app.get("/login?error=link_expired").body()).contains("That sign-in link has expired");
        var forged = app.get("/login?error=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).doesNotContain("alert(1)").doesNotContain("role=\"alert\"");
    }

    @Test
    void an_unknown_path_is_a_404_page_not_the_landing_page() {
        var response = app.get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Nothing here", "Request ").doesNotContain("One page that always shows");
        assertThat(response.body()).contains(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
    }

    @Test
    void an_unknown_path_asked_for_as_json_is_a_json_404() {
        var response = app.get("/no/such/page", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).contains("\"error\":\"not_found\"", "\"request_id\":\"");
    }

    @Test
    void the_dashboard_sends_signed_out_visitors_to_sign_in() {
        var response = app.get("/aides");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
        var json = app.get("/aides", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(401);
    }

    @Test
    void a_forged_session_cookie_is_treated_as_signed_out() {
        var response = app.get("/aides", "Cookie", "aide_session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad");
        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void editor_responses_carry_the_security_headers() {
        var headers = app.get("/").headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** What Jetty answers before any route runs is the app's page with the app's headers, not Jetty's. */
    @Test
    void requests_jetty_refuses_by_itself_get_the_apps_error_page_and_headers() {
        String host = "Host: localhost\r\n";
        var answers = Map.of(
                414, "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n",
                431, "GET / HTTP/1.1\r\n" + host + "Cookie: " + "c".repeat(20_000) + "\r\n\r\n",
                400, "GET / HTTP/1.1\r\n" + host + "Not a header line\r\n\r\n");
        answers.forEach((status, request) -> {
            String response = raw(request);
            assertThat(response).as("the answer to a %s", status).startsWith("HTTP/1.1 " + status + " ");
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertThat(head).contains("content-security-policy: default-src 'self'", "x-frame-options: deny",
                    "x-content-type-options: nosniff", "referrer-policy: same-origin", "content-type: text/html");
            assertThat(response).contains("<title>").contains("Back to AIde").doesNotContainIgnoringCase("jetty");
        });
    }

    private String raw(String request) {
        try (var socket = new java.net.Socket("localhost", app.app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_post_from_another_origin_is_refused() {
        var response = app.send(HttpRequest.newBuilder(app.base.resolve("/login"))
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("email=a@b.c")));
        assertThat(response.statusCode()).isEqualTo(403);
        var noOrigin = app.send(HttpRequest.newBuilder(app.base.resolve("/login"))
                .POST(HttpRequest.BodyPublishers.ofString("email=a@b.c")));
        assertThat(noOrigin.statusCode()).isEqualTo(403);
    }

    @Test
    void a_post_without_origin_from_our_own_pages_passes_the_guard() {
        var response = app.send(HttpRequest.newBuilder(app.base.resolve("/no-such-form"))
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void a_body_over_one_megabyte_is_refused_from_its_headers() {
        assertThat(app.postDeclaringLength("/login", 1_100_000, "Content-Type", "application/x-www-form-urlencoded")).isEqualTo(413);
        var small = app.postForm("/login", Map.of("email", "not-an-email"));
        assertThat(small.statusCode()).isNotEqualTo(413);
    }

    @Test
    void an_edit_over_64_kilobytes_is_refused_and_never_parsed() {
        assertThat(app.postDeclaringLength("/aides/00000000-0000-0000-0000-000000000000/events", 70_000,
                "Content-Type", "application/json", "Accept", "application/json")).isEqualTo(413);
    }

    /**
     * Every answer, whichever step gives it, waits for a body of up to 1 MB that is still on its
     * way: postDeclaringLength sends it after a pause, and a connection closed before it arrived
     * would fail the call with a reset instead of the status (docs/security.md).
     */
    @Test
    void an_answer_given_without_reading_the_body_still_reaches_a_slow_sender() {
        var user = app.newUser();
        int body = 300_000;
        assertThat(app.postDeclaringLength("/no/such/page", body)).as("no route").isEqualTo(404);
        assertThat(app.postDeclaringLength("/logout", body)).as("not signed in").isEqualTo(401);
        assertThat(app.postDeclaringLength("/aides/00000000-0000-0000-0000-000000000000/publish", body, "Cookie", user.cookie()))
                .as("the route's own refusal").isEqualTo(404);
        assertThat(app.postDeclaringLength("/aides/00000000-0000-0000-0000-000000000000/events", body,
                "Accept", "application/json", "Cookie", user.cookie())).as("over the edit limit").isEqualTo(413);
    }

    @Test
    void static_files_are_cached_for_a_year_by_their_hashed_url() {
        var css = app.get("/static/css/app.css?v=1");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void a_request_id_from_the_proxy_is_kept_only_when_it_is_plain() {
        assertThat(app.get("/health", "X-Request-Id", "railway-abc12345").headers().firstValue(RequestIds.HEADER)).hasValue("railway-abc12345");
        assertThat(app.get("/health", "X-Request-Id", "bad id injected").headers().firstValue(RequestIds.HEADER).orElseThrow())
                .doesNotContain("injected");
    }
}
