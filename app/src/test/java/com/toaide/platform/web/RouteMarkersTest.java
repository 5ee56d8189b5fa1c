package com.toaide.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guards read the matched route's markers, never its path: the same paths marked and
 * unmarked get different treatment, over real HTTP.
 */
class RouteMarkersTest {
    static Javalin javalin;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String EDITOR = "http://editor.test";

    @BeforeAll
    static void start() {
        var headers = new SecurityHeaders(false);
        var origins = new OriginGuard(URI.create(EDITOR));
        var limits = new BodyLimits();
        javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(headers::apply);
            cfg.routes.beforeMatched(headers::applyRoute);
            cfg.routes.beforeMatched(origins::check);
            cfg.routes.beforeMatched(limits::check);
            cfg.routes.after(limits::readRest);
            cfg.routes.get("/plain", ctx -> ctx.result("plain"), Role.ANYONE);
            cfg.routes.get("/page", ctx -> ctx.result("page"), Role.ANYONE, Policy.PAGE_CSP);
            cfg.routes.post("/plain", ctx -> ctx.result("plain"), Role.ANYONE);
            cfg.routes.post("/small", ctx -> ctx.result("small"), Role.ANYONE, Policy.SMALL_BODY);
            cfg.routes.post("/signed", ctx -> ctx.result("signed"), Role.ANYONE, Policy.CSRF_EXEMPT);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        javalin.stop();
    }

    @Test
    void only_a_route_marked_as_a_page_gets_the_published_pages_policy() throws Exception {
        assertThat(get("/page").headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.PUBLISHED_CSP);
        assertThat(get("/plain").headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.EDITOR_CSP);
        // An unknown path still carries the editor's policy on its 404.
        assertThat(get("/s/anything").headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.EDITOR_CSP);
    }

    @Test
    void only_a_route_marked_small_refuses_a_body_past_64_kb() throws Exception {
        String body = "x".repeat((int) BodyLimits.SMALL_BYTES + 1);
        assertThat(post("/small", body, EDITOR).statusCode()).isEqualTo(413);
        assertThat(post("/plain", body, EDITOR).statusCode()).isEqualTo(200);
        assertThat(post("/small", "x", EDITOR).statusCode()).isEqualTo(200);
    }

    @Test
    void only_a_route_marked_exempt_takes_a_post_from_another_origin() throws Exception {
        assertThat(post("/signed", "x", "https://evil.example").statusCode()).isEqualTo(200);
        assertThat(post("/plain", "x", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(post("/plain", "x", EDITOR).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Each POST on a connection of its own: a body refused with 413 before it was read leaves its
     * connection to be closed, and a client that reused it for the next request got no answer.
     * HTTP/1.1, as a browser speaks to a plain-http server: the JDK client's default asks for an
     * h2c upgrade with the body, and a 64 KB one was once answered with a closed connection.
     */
    private static HttpResponse<String> post(String path, String body, String origin) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + javalin.port() + path);
    }
}
