package com.toaide.ai;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What both providers share to run calls: the HTTP client, the limits, and one timer thread for every call's limits. */
final class StreamingCalls {
    private final HttpClient http;
    private final StreamPolicy policy;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ai-call-timers");
        thread.setDaemon(true);
        return thread;
    });

    StreamingCalls(HttpClient http, StreamPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    /** A client for a model server: plain HTTP/1.1 for {@code http://} (local servers), HTTP/2 where TLS offers it. */
    static HttpClient clientFor(URI baseUrl) {
        return HttpClient.newBuilder()
                .version("http".equals(baseUrl.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    TurnStream start(WireFormat wire, TurnRequest request, TurnListener listener) {
        return new StreamingCall(http, policy, wire, request, listener, timers).start();
    }

    /** {@code base} + {@code path}, whether or not the base ends with a slash. */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
