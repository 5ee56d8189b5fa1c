package com.toaide.ops;

import com.toaide.kernel.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to a Slack incoming webhook ({@code SLACK_WEBHOOK}) as {@code {"text": ...}}.
 * A failed post is logged, never thrown: the action behind the alert has already happened.
 */
public final class SlackAlerts implements Alerts {
    private static final Logger log = LoggerFactory.getLogger(SlackAlerts.class);

    private final URI webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SlackAlerts(URI webhook) {
        this.webhook = webhook;
    }

    @Override
    public void send(String text) {
        var body = Json.MAPPER.createObjectNode().put("text", text).toString();
        var request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("Slack answered {} to an alert; the alert was: {}", response.statusCode(), text);
            }
        } catch (IOException e) {
            log.warn("Slack alert not sent ({}); the alert was: {}", e.getMessage(), text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
