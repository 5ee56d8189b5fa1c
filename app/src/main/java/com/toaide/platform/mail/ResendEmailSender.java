package com.toaide.platform.mail;

import com.toaide.kernel.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link EmailSender} on Resend's HTTP API ({@code POST /emails}). Written on the JDK's
 * HttpClient rather than resend-java because the SDK cannot be pointed at another base URL,
 * and tests need a local fake Resend.
 */
public final class ResendEmailSender implements EmailSender {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.resend.com");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    // Resend's error names look like "validation_error"; anything else is not echoed.
    private static final Pattern ERROR_NAME = Pattern.compile("[a-z_]{1,64}");

    private final URI emailsEndpoint;
    private final String apiKey;
    private final String from;
    private final HttpClient http;

    /** @param from the sender, e.g. {@code AIde <hello@toaide.com>} (EMAIL_FROM) */
    public ResendEmailSender(String apiKey, String from) {
        this(DEFAULT_BASE_URL, apiKey, from);
    }

    /** @param baseUrl Resend's API root; tests pass a local fake */
    public ResendEmailSender(URI baseUrl, String apiKey, String from) {
        String base = baseUrl.toString();
        this.emailsEndpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/emails");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.from = Objects.requireNonNull(from, "from");
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(Email email) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("from", from);
        body.putArray("to").add(email.to());
        body.put("subject", email.subject());
        body.put("text", email.text());
        body.put("html", email.html());

        HttpRequest request = HttpRequest.newBuilder(emailsEndpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "AIde")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();

        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EmailNotSent("Resend unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmailNotSent("interrupted while sending email", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new EmailNotSent("Resend refused the email: HTTP " + status + errorName(response.body()), status);
        }
    }

    // Only the error's name: Resend's messages may quote the address we sent.
    private String errorName(String responseBody) {
        try {
            JsonNode name = Json.MAPPER.readTree(responseBody).path("name");
            return name.isString() && ERROR_NAME.matcher(name.stringValue()).matches() ? " " + name.stringValue() : "";
        } catch (JacksonException notJson) {
            return "";
        }
    }
}
