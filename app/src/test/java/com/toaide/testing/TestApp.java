package com.toaide.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.App;
import com.toaide.ai.StreamPolicy;
import com.toaide.auth.SessionGuard;
import com.toaide.auth.SessionService;
import com.toaide.platform.db.Database;
import com.toaide.Config;
import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.web.BodyLimits;
import io.javalin.util.JavalinException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The real app on a free local port, on a fresh database, driven over real HTTP.
 * Requests carry the editor's Origin unless a test says otherwise.
 */
public final class TestApp implements AutoCloseable {
    public final App app;
    public final Config config;
    public final ConnectionSettings database;
    /** The object storage this app writes to, for a test that reads what it wrote. */
    public final Config.Storage storage;
    public final URI base;
    // HTTP/1.1 as a browser speaks it to a plain-http server: the JDK client's default tries an
    // h2c upgrade on each new connection, which Jetty handles badly with a request body (a POST
    // now and then answered with a closed connection, "header parser received no bytes").
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Starts this app's instance again, as it was first started. */
    private final Supplier<App> launch;
    /** Starts another instance of this app, as {@link #another()} says. */
    private final Supplier<TestApp> sibling;

    private TestApp(App app, Config config, ConnectionSettings database, Config.Storage storage,
                    Supplier<App> launch, Supplier<TestApp> sibling) {
        this.app = app;
        this.config = config;
        this.database = database;
        this.storage = storage;
        this.base = URI.create("http://localhost:" + app.port());
        this.launch = launch;
        this.sibling = sibling;
    }

    /**
     * This app stopped and started again on the same port, database, storage and data folder (so
     * the session secret carries over and signed-in browsers stay signed in): a deploy or a crash
     * as a page open in a browser sees it. {@code whileDown} runs while nothing listens on the port.
     */
    public TestApp restart(Runnable whileDown) {
        try {
            app.close();
        } catch (JavalinException gracefulStopTimedOut) {
            // Jetty stops the server and frees the port even when draining takes longer than its
            // timeout (with an editor socket open it sometimes does; the cause is not yet found).
            // The browser sees the same cut-off either way, which is what the restart is for.
        }
        whileDown.run();
        return new TestApp(launch.get(), config, database, storage, launch, sibling);
    }

    /**
     * A second instance of this deployment, as behind a load balancer: the same database, storage,
     * settings and session secret (a session cookie from one is good on the other), its own port
     * and data folder. The caller closes it.
     */
    public TestApp another() {
        return sibling.get();
    }

    public static TestApp start() {
        return start(TestPostgres.freshDatabase(), Map.of());
    }

    public static TestApp start(ConnectionSettings database, Map<String, String> environment) {
        return start(database, TestStorage.settings(), environment);
    }

    /** The app with the model call limits a test chooses (short stall limits, fast retries). */
    public static TestApp start(ConnectionSettings database, Map<String, String> environment, StreamPolicy modelLimits) {
        return start(database, TestStorage.settings(), environment, modelLimits);
    }

    public static TestApp start(ConnectionSettings database, Config.Storage storage, Map<String, String> environment) {
        return start(database, storage, environment, StreamPolicy.DEFAULT);
    }

    public static TestApp start(ConnectionSettings database, Config.Storage storage, Map<String, String> environment,
                                StreamPolicy modelLimits) {
        return start(database, database, storage, environment, modelLimits, null);
    }

    /**
     * The app as production runs it on Neon's pooled URL: every statement through PgBouncer in
     * transaction mode ({@link TestPgBouncer}), LISTEN on the direct connection to {@code database}.
     */
    public static TestApp startThroughPooler(ConnectionSettings database, Map<String, String> environment, StreamPolicy modelLimits) {
        return start(TestPgBouncer.pooled(database), database, TestStorage.settings(), environment, modelLimits, null);
    }

    /** {@link #startThroughPooler}, idle {@code idleAfter} after its last request (production: minutes). */
    public static TestApp startThroughPooler(ConnectionSettings database, Map<String, String> environment, Duration idleAfter) {
        return start(TestPgBouncer.pooled(database), database, TestStorage.settings(), environment, StreamPolicy.DEFAULT, idleAfter);
    }

    private static TestApp start(ConnectionSettings runtime, ConnectionSettings direct, Config.Storage storage,
                                 Map<String, String> environment, StreamPolicy modelLimits, Duration idleAfter) {
        try {
            Path dataDir = TestFiles.directory("aide-test-data");
            int port = freePort();
            var env = new HashMap<String, String>();
            env.put("DATA_DIR", dataDir.toString());
            env.put("PORT", Integer.toString(port));
            // The Origin check compares against EDITOR_URL, so it must name the real port.
            env.put("EDITOR_URL", "http://localhost:" + port);
            env.putAll(environment);
            var config = Config.fromEnvironment(env);
            var infrastructure = new App.Infrastructure(runtime, direct, storage, List.of());
            Supplier<App> launch = () -> idleAfter == null ? App.start(config, infrastructure, modelLimits)
                    : App.start(config, infrastructure, modelLimits, idleAfter);
            var sameSecret = new HashMap<>(environment);
            sameSecret.put("JWT_SECRET", config.jwtSecret());
            Supplier<TestApp> sibling = () -> start(runtime, direct, storage, sameSecret, modelLimits, idleAfter);
            return new TestApp(launch.get(), config, direct, storage, launch, sibling);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until this app hears change notices: {@code App.start} returns before its LISTEN
     * connections are open, and a notice sent before then (an edit made through another instance,
     * say) never reaches it.
     */
    public void awaitListening() {
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(app.listening()).as("the app's LISTEN connections are open").isTrue());
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        return send(request, Duration.ofSeconds(10), headers);
    }

    /** Sends {@code request}, giving up with an {@link UncheckedIOException} when no answer comes within {@code timeout}. */
    public HttpResponse<String> send(HttpRequest.Builder request, Duration timeout, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A POST that declares a {@code declaredLength}-byte body of zeros, then reads the status line.
     * Within 1 MB the body comes as from a slow upload, in two parts, and before each the server
     * must not have answered: an answer given before the body is in closes the connection, and
     * a browser still sending then sees it reset, a network error instead of the answer. Past
     * 1 MB only the first 20 KB is sent, since a body that large is refused from the headers
     * alone (docs/security.md). The body is never valid, so a 413 can only come from the declared
     * length. (java.net.http cannot do this reliably: an early final answer races its write, and
     * Expect: 100-continue waits forever on a final error response.)
     */
    public int postDeclaringLength(String path, long declaredLength, String... headers) {
        try (var socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            boolean whole = declaredLength <= BodyLimits.DEFAULT_BYTES;
            // A browser keeps its connection open; "close" would let Jetty wait for the body itself.
            var request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + app.port()
                    + "\r\nOrigin: " + origin() + "\r\nContent-Length: " + declaredLength + "\r\n"
                    + (whole ? "" : "Connection: close\r\n"));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            var out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (whole) {
                // Past the 16 KB gathered before a handler runs, then the rest.
                int first = (int) Math.min(declaredLength, 32 * 1024);
                out.flush();
                expectNoAnswerYet(socket);
                out.write(new byte[first]);
                out.flush();
                expectNoAnswerYet(socket);
                out.write(new byte[(int) declaredLength - first]);
            } else {
                out.write(new byte[20 * 1024]);
            }
            out.flush();
            var status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the server a tenth of a second to answer early; it must not (postDeclaringLength). */
    private static void expectNoAnswerYet(java.net.Socket socket) throws IOException {
        socket.setSoTimeout(100);
        try {
            int first = socket.getInputStream().read();
            throw new AssertionError(first < 0 ? "the server closed the connection before the body was in"
                    : "the server answered before the body was in: a client still sending it would see the connection reset");
        } catch (java.net.SocketTimeoutException stillWaiting) {
            socket.setSoTimeout(10_000);
        }
    }

    public HttpClient http() {
        return http;
    }

    public String origin() {
        return "http://localhost:" + app.port();
    }

    /** A signed-in user: their id and the Cookie header their browser would send. */
    public record TestUser(UUID id, String email, String cookie) {}

    /** Creates a user (as sign-in would) and a live session for them, with the app's own secret. */
    public TestUser newUser() {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (var db = Database.connect(database, 1)) {
            UUID id = db.asSystem(h -> h.createQuery("insert into users (email) values (:e) returning id")
                    .bind("e", email).mapTo(UUID.class).one());
            var session = new SessionService(db, config.jwtSecret(), Clock.systemUTC()).start(id);
            return new TestUser(id, email, SessionGuard.COOKIE + "=" + session.token());
        }
    }

    /** Another live session for an existing user (a second device), as the Cookie header value. */
    public String newSessionCookie(UUID userId) {
        try (var db = Database.connect(database, 1)) {
            return SessionGuard.COOKIE + "=" + new SessionService(db, config.jwtSecret(), Clock.systemUTC()).start(userId).token();
        }
    }

    /** A JSON POST as the editor's script sends it. */
    public HttpResponse<String> postJson(String path, String json, TestUser user) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", origin())
                .header("Cookie", user.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> getJson(String path, TestUser user) {
        return get(path, "Accept", "application/json", "Cookie", user.cookie());
    }

    @Override
    public void close() {
        app.close();
    }
}
