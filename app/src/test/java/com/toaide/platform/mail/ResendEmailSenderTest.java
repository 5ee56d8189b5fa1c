package com.toaide.platform.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Resend adapter against a fake Resend on localhost: the mailer port's contract, the exact request, and every refusal. */
class ResendEmailSenderTest extends EmailSenderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Email SIGN_IN = new Email(
            "ada@example.com",
            "Your sign-in link",
            "Open this link to sign in: https://get.toaide.com/auth/verify?token=abc",
            "<p>Open <a href=\"https://get.toaide.com/auth/verify?token=abc\">this link</a> to sign in.</p>");

    private FakeResend resend;

    @BeforeEach
    void start() throws IOException {
        resend = new FakeResend();
    }

    @AfterEach
    void stop() {
        resend.stop();
    }

    @Override
    protected EmailSender sender() {
        resend.answer(200, "{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}");
        return new ResendEmailSender(resend.baseUrl(), "re_test_key", "AIde <hello@toaide.com>");
    }

    @Override
    protected List<Delivered> delivered() throws Exception {
        var delivered = new java.util.ArrayList<Delivered>();
        for (Recorded request; (request = resend.requests.poll()) != null; ) {
            var body = JSON.readTree(request.body());
            delivered.add(new Delivered(body.path("to").path(0).stringValue(), body.path("subject").stringValue(), body.path("text").stringValue()));
        }
        return delivered;
    }

    @Override
    protected EmailSender senderThatCannotDeliver() {
        resend.answer(500, "{\"statusCode\":500,\"name\":\"application_error\",\"message\":\"to: private.person@example.com\"}");
        return new ResendEmailSender(resend.baseUrl(), "re_test_key", "hello@toaide.com");
    }

    @Test
    void an_email_is_one_post_to_emails_with_the_bearer_key_and_the_documented_json() throws Exception {
        resend.answer(200, "{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}");
        var sender = new ResendEmailSender(resend.baseUrl(), "re_test_key", "AIde <hello@toaide.com>");

        sender.send(SIGN_IN);

        Recorded request = resend.nextRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/emails");
        assertThat(request.header("Authorization")).isEqualTo("Bearer re_test_key");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {
                  "from": "AIde <hello@toaide.com>",
                  "to": ["ada@example.com"],
                  "subject": "Your sign-in link",
                  "text": "Open this link to sign in: https://get.toaide.com/auth/verify?token=abc",
                  "html": "<p>Open <a href=\\"https://get.toaide.com/auth/verify?token=abc\\">this link</a> to sign in.</p>"
                }
                """));
        assertThat(resend.requestCount()).isZero();
    }

    @Test
    void a_base_url_with_a_trailing_slash_still_posts_to_emails() throws Exception {
        resend.answer(200, "{\"id\":\"x\"}");
        var sender = new ResendEmailSender(URI.create(resend.baseUrl() + "/"), "re_test_key", "hello@toaide.com");

        sender.send(SIGN_IN);

        assertThat(resend.nextRequest().path()).isEqualTo("/emails");
    }

    @Test
    void a_422_is_email_not_sent_with_the_status_and_error_name_but_not_the_address() {
        resend.answer(422, """
                {"statusCode":422,"name":"validation_error",
                 "message":"Invalid `to` field: ada@example.com"}""");
        var sender = new ResendEmailSender(resend.baseUrl(), "re_test_key", "hello@toaide.com");

        EmailNotSent e = catchThrowableOfType(EmailNotSent.class, () -> sender.send(SIGN_IN));

        assertThat(e.status()).hasValue(422);
        assertThat(e.getMessage()).contains("422").contains("validation_error")
                .doesNotContain("ada@example.com").doesNotContain("sign in").doesNotContain("re_test_key");
    }

    @Test
    void a_500_is_email_not_sent_and_is_not_retried() {
        resend.answer(500, "<html>Internal Server Error</html>");
        var sender = new ResendEmailSender(resend.baseUrl(), "re_test_key", "hello@toaide.com");

        EmailNotSent e = catchThrowableOfType(EmailNotSent.class, () -> sender.send(SIGN_IN));

        assertThat(e.status()).hasValue(500);
        assertThat(e.getMessage()).contains("HTTP 500").doesNotContain("html");
        assertThat(resend.requestCount()).isEqualTo(1);
    }

    @Test
    void an_unreachable_resend_is_email_not_sent_without_a_status() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        var sender = new ResendEmailSender(URI.create("http://127.0.0.1:" + closedPort), "re_test_key", "hello@toaide.com");

        EmailNotSent e = catchThrowableOfType(EmailNotSent.class, () -> sender.send(SIGN_IN));

        assertThat(e.status()).isEmpty();
        assertThat(e.getMessage()).contains("unreachable");
    }

    @Test
    void an_email_never_prints_its_address_or_body() {
        assertThat(SIGN_IN.toString()).doesNotContain("ada@example.com").doesNotContain("sign in").doesNotContain("token");
    }

    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            // The JDK server capitalises header names its own way; look them up without case.
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> String.join(",", h.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Resend's /emails endpoint on a free local port, answering what the test tells it to. */
    static final class FakeResend {
        private final HttpServer server;
        private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
        private volatile int status = 200;
        private volatile String responseBody = "{}";

        FakeResend() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                byte[] answer = responseBody.getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        void answer(int status, String body) {
            this.status = status;
            this.responseBody = body;
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        /** The next request received; the send has returned by now, so it is already queued. */
        Recorded nextRequest() throws InterruptedException {
            Recorded r = requests.poll(5, TimeUnit.SECONDS);
            assertThat(r).as("a request reached the fake Resend").isNotNull();
            return r;
        }

        int requestCount() {
            return requests.size();
        }

        void stop() {
            server.stop(0);
        }
    }
}
