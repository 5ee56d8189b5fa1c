package com.toaide.billing;

import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Stripe's API, speaking its wire format: form-encoded POSTs to create
 * Checkout and portal sessions, JSON objects back, and subscriptions to retrieve. It records
 * every request so tests can assert what the app asked for. It also signs webhook payloads
 * the way Stripe does ({@code Stripe-Signature: t=<seconds>,v1=<HMAC-SHA256 of "t.payload">}).
 */
final class FakeStripe implements AutoCloseable {
    static final String SECRET_KEY = "sk_test_fake";
    static final String WEBHOOK_SECRET = "whsec_test_fake_secret";
    static final String PRICE_ID = "price_pro_monthly";

    record Request(String method, String path, String authorization, Map<String, String> form) {}

    private record Subscription(String customer, String status) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean down;
    private volatile String price = price(1200, "usd", "month", 1);

    private FakeStripe(HttpServer server) {
        this.server = server;
    }

    static FakeStripe start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var fake = new FakeStripe(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The STRIPE_* variables that point the app at this fake. */
    Map<String, String> environment() {
        return Map.of(
                "STRIPE_SECRET_KEY", SECRET_KEY,
                "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "STRIPE_PRICE_ID", PRICE_ID,
                "STRIPE_API_BASE", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What Stripe says about a subscription from now on. */
    void subscription(String id, String customer, String status) {
        subscriptions.put(id, new Subscription(customer, status));
    }

    /** What Stripe says the configured price is from now on (a Price object, as Stripe's API returns it). */
    void price(long unitAmount, String currency, String interval) {
        price = price(unitAmount, currency, interval, 1);
    }

    private static String price(long unitAmount, String currency, String interval, int count) {
        return """
                {"id":"%s","object":"price","active":true,"billing_scheme":"per_unit","currency":"%s",
                 "livemode":false,"product":"prod_test_pro","type":"recurring","unit_amount":%d,"unit_amount_decimal":"%d",
                 "recurring":{"interval":"%s","interval_count":%d,"usage_type":"licensed","meter":null,"trial_period_days":null}}
                """.formatted(PRICE_ID, currency, unitAmount, unitAmount, interval, count);
    }

    /** The subscription's status as the fake holds it now, or null when it has none by that id. */
    String status(String subscriptionId) {
        var subscription = subscriptions.get(subscriptionId);
        return subscription == null ? null : subscription.status();
    }

    /** While down, every request gets Stripe's 500 error object. */
    void down(boolean down) {
        this.down = down;
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** A Stripe-Signature header for {@code payload} signed at {@code epochSeconds}. */
    static String signature(String payload, long epochSeconds, String secret) {
        try {
            return "t=" + epochSeconds + ",v1=" + Webhook.Util.computeHmacSha256(secret, epochSeconds + "." + payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signature(String payload) {
        return signature(payload, Webhook.Util.getTimeNow(), WEBHOOK_SECRET);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            var form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"), form));
            if (down) {
                respond(exchange, 500, error("api_error", null, "The fake is down."));
            } else if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
                String id = "cs_test_" + ids.incrementAndGet();
                respond(exchange, 200, """
                        {"id":"%s","object":"checkout.session","mode":%s,"status":"open",
                         "client_reference_id":%s,"customer":%s,"url":"https://checkout.stripe.test/c/pay/%s"}
                        """.formatted(id, quoted(form.get("mode")), quoted(form.get("client_reference_id")),
                        quoted(form.get("customer")), id));
            } else if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
                String id = "bps_test_" + ids.incrementAndGet();
                respond(exchange, 200, """
                        {"id":"%s","object":"billing_portal.session","customer":%s,"return_url":%s,
                         "url":"https://billing.stripe.test/p/session/%s"}
                        """.formatted(id, quoted(form.get("customer")), quoted(form.get("return_url")), id));
            } else if (method.equals("GET") && path.equals("/v1/prices/" + PRICE_ID)) {
                respond(exchange, 200, price);
            } else if (method.equals("DELETE") && path.startsWith("/v1/subscriptions/")) {
                // Stripe's "cancel a subscription": the subscription, now canceled, or resource_missing.
                String id = path.substring("/v1/subscriptions/".length());
                var subscription = subscriptions.computeIfPresent(id, (key, old) -> new Subscription(old.customer(), "canceled"));
                if (subscription == null) {
                    respond(exchange, 404, error("invalid_request_error", "resource_missing", "No such subscription: '" + id + "'"));
                } else {
                    respond(exchange, 200, """
                            {"id":"%s","object":"subscription","customer":"%s","status":"canceled","livemode":false}
                            """.formatted(id, subscription.customer()));
                }
            } else if (method.equals("GET") && path.startsWith("/v1/subscriptions/")) {
                String id = path.substring("/v1/subscriptions/".length());
                var subscription = subscriptions.get(id);
                if (subscription == null) {
                    respond(exchange, 404, error("invalid_request_error", "resource_missing", "No such subscription: '" + id + "'"));
                } else {
                    respond(exchange, 200, """
                            {"id":"%s","object":"subscription","customer":"%s","status":"%s","livemode":false}
                            """.formatted(id, subscription.customer(), subscription.status()));
                }
            } else {
                respond(exchange, 404, error("invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")."));
            }
        }
    }

    private static Map<String, String> parseForm(String body) {
        var form = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static String error(String type, String code, String message) {
        return "{\"error\":{\"type\":\"" + type + "\",\"code\":" + quoted(code) + ",\"message\":" + quoted(message) + "}}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_fake_" + System.nanoTime());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
