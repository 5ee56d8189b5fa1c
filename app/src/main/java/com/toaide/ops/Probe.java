package com.toaide.ops;

import com.toaide.kernel.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What {@link VerifyCommand}'s checks share: timed requests to the running AIde (no redirects
 * followed, so a redirect is seen), and the report, one PASS, FAIL or SKIP line per check.
 */
final class Probe {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI editor;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final List<Timed> timings = new ArrayList<>();

    private record Timed(String what, long millis) {}

    Probe(URI editor, PrintStream out) {
        this.editor = editor;
        this.out = out;
    }

    /** Fails each request slower than {@code slow}; when none is, one line with the median and the slowest. */
    void responseTimes(Duration slow) {
        if (timings.isEmpty()) {
            return;
        }
        var sorted = timings.stream().sorted((a, b) -> Long.compare(a.millis(), b.millis())).toList();
        int before = failures.size();
        for (Timed t : timings) {
            if (t.millis() > slow.toMillis()) {
                fail("response time", t.what() + " took " + t.millis() + " ms (over " + slow.toMillis() + " ms)");
            }
        }
        if (failures.size() == before) {
            pass("response time", timings.size() + " requests, median " + sorted.get(sorted.size() / 2).millis()
                    + " ms, slowest " + sorted.get(sorted.size() - 1).millis() + " ms (" + sorted.get(sorted.size() - 1).what() + ")");
        }
    }

    /** One timed GET; a request that gets no answer is a failure of {@code check}. */
    Optional<HttpResponse<String>> fetch(String check, URI uri) {
        return send(check, HttpRequest.newBuilder(uri).GET().header("User-Agent", "aide-verify"), uri.getPath());
    }

    Optional<HttpResponse<String>> send(String check, HttpRequest.Builder request, String what) {
        long start = System.nanoTime();
        try {
            var response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            timings.add(new Timed(what, (System.nanoTime() - start) / 1_000_000));
            return Optional.of(response);
        } catch (IOException e) {
            fail(check, what + " got no answer (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(check, "interrupted");
            return Optional.empty();
        }
    }

    URI editor() {
        return editor;
    }

    int failureCount() {
        return failures.size();
    }

    /** The last line: every failure named, or all passed; the exit status to match. */
    int summary() {
        out.println(failures.isEmpty() ? "All checks passed." : failures.size() + " check(s) failed: " + String.join("; ", failures));
        return failures.isEmpty() ? 0 : 1;
    }

    void pass(String check, String detail) {
        out.println("PASS " + check + ": " + detail);
    }

    void fail(String check, String detail) {
        failures.add(check + ": " + detail);
        out.println("FAIL " + check + ": " + detail);
    }

    void skip(String check, String detail) {
        out.println("SKIP " + check + ": " + detail);
    }

    static Optional<JsonNode> json(String body) {
        try {
            return Optional.of(Json.MAPPER.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
