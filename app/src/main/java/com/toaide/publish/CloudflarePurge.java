package com.toaide.publish;

import com.toaide.kernel.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * {@link EdgeCache} on Cloudflare's purge API ({@code POST /zones/{zone}/purge_cache} with
 * {@code {"files": [...]}} and a Bearer token; an answer counts only when it is 2xx and says
 * {@code "success": true}). Purges run on one background thread from a bounded queue, so a publish
 * never waits for Cloudflare; a failed purge is tried {@link #ATTEMPTS} times in all, after
 * {@link #FIRST_RETRY}, then twice and four times that, and then given up with a warning: the
 * pages' {@code s-maxage} (5 minutes) bounds how long a missed purge leaves a copy stale.
 */
public final class CloudflarePurge implements EdgeCache, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CloudflarePurge.class);

    static final int ATTEMPTS = 4;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** Cloudflare takes up to 30 URLs per purge request on every plan. */
    static final int URLS_PER_REQUEST = 30;
    /** Purges waiting beyond this are dropped (with a warning): a stuck API must not hold memory. */
    private static final int QUEUE_LIMIT = 1_000;

    private final URI endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
    private final Thread worker;

    /** {@code apiBase} is {@code https://api.cloudflare.com/client/v4} in production, a local fake in tests. */
    public CloudflarePurge(URI apiBase, String zoneId, String apiToken) {
        this.endpoint = URI.create(apiBase + "/zones/" + zoneId + "/purge_cache");
        this.token = apiToken;
        this.worker = new Thread(this::run, "edge-purge");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void purge(List<String> urls) {
        for (int from = 0; from < urls.size(); from += URLS_PER_REQUEST) {
            if (!queue.offer(List.copyOf(urls.subList(from, Math.min(urls.size(), from + URLS_PER_REQUEST))))) {
                log.warn("Edge purge queue full; {} URLs left to expire on their own", urls.size() - from);
                return;
            }
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                var urls = queue.take();
                purgeWithRetries(urls);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void purgeWithRetries(List<String> urls) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String problem = send(urls);
            if (problem == null) {
                return;
            }
            if (attempt == ATTEMPTS) {
                log.warn("Edge purge of {} URLs gave up after {} attempts ({}); they expire on their own within minutes",
                        urls.size(), ATTEMPTS, problem);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
            wait = wait.multipliedBy(2);
        }
    }

    /** One purge request; returns null when Cloudflare confirmed it, else what went wrong. */
    private String send(List<String> urls) {
        var body = Json.MAPPER.createObjectNode();
        var files = body.putArray("files");
        urls.forEach(files::add);
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean confirmed = response.statusCode() / 100 == 2
                    && Json.MAPPER.readTree(response.body()).path("success").asBoolean(false);
            return confirmed ? null : "Cloudflare answered " + response.statusCode();
        } catch (IOException | JacksonException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
