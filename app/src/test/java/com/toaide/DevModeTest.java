package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.toaide.testing.CapturedLogs;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Modes that cannot leak: a dev instance shows every sign-in link at /dev/outbox, so it serves
 * that page only to a client on the same machine, binds loopback unless told otherwise, and says
 * at start that it runs in dev mode.
 */
class DevModeTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void the_dev_outbox_answers_only_a_client_on_this_machine() throws Exception {
        var address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has a non-loopback IPv4 address to call from");
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("HOST", "0.0.0.0"))) {
            assertThat(app.get("/dev/outbox").statusCode()).isEqualTo(200);
            var fromElsewhere = get(URI.create("http://" + address.get().getHostAddress() + ":" + app.app.port() + "/dev/outbox"));
            assertThat(fromElsewhere.statusCode()).isEqualTo(404);
            assertThat(fromElsewhere.body()).doesNotContain("outbox");
            // Through a proxy on this machine the client is elsewhere, whatever the socket says.
            assertThat(app.get("/dev/outbox", "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(404);
            assertThat(app.get("/dev/outbox", "CF-Connecting-IP", "203.0.113.9").statusCode()).isEqualTo(404);
            // The rest of the app is served to the other address as usual.
            assertThat(get(URI.create("http://" + address.get().getHostAddress() + ":" + app.app.port() + "/login")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void dev_binds_loopback_by_default_and_says_loudly_that_it_runs_in_dev_mode() throws Exception {
        var address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has a non-loopback IPv4 address to call from");
        try (var logs = CapturedLogs.start(); var app = TestApp.start()) {
            assertThat(app.config.host()).isEqualTo("127.0.0.1");
            assertThat(app.get("/login").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> get(URI.create("http://" + address.get().getHostAddress() + ":" + app.app.port() + "/login")))
                    .isInstanceOf(IOException.class);
            assertThat(logs.lines()).contains(App.DEV_MODE_LINE);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An address of this machine that is not loopback: a request to it arrives from a non-loopback peer. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }
}
