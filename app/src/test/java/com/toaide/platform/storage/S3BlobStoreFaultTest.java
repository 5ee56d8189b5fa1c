package com.toaide.platform.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage down, slow, failing or misconfigured: every operation ends in {@link StorageUnavailable}
 * after bounded retries, and the same client works again once the store is back. The
 * {@code @Timeout}s only stop a hang from stalling the build; nothing here measures time.
 */
class S3BlobStoreFaultTest {

    private static final String BUCKET = "aide-published";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void every_operation_fails_clearly_while_storage_is_down_and_the_same_client_recovers() {
        try (EmbeddedS3 server = EmbeddedS3.inMemory();
                S3BlobStore store = S3BlobStore.connect(server.endpoint(), server.accessKey(), server.secretKey())) {
            store.ensureBucket(BUCKET);
            store.put(BUCKET, "s/kept/index.html", "v1".getBytes(UTF_8), "text/html", null);
            int port = server.port();

            server.stop();

            List<ThrowingCallable> operations = List.of(
                    () -> store.put(BUCKET, "s/new/index.html", new byte[] {1}, "text/html", null),
                    () -> store.get(BUCKET, "s/kept/index.html"),
                    () -> store.head(BUCKET, "s/kept/index.html"),
                    () -> store.delete(BUCKET, "s/kept/index.html"),
                    () -> store.list(BUCKET, "s/"),
                    () -> store.deleteAll(BUCKET, "s/kept/"),
                    () -> store.ensureBucket(BUCKET),
                    () -> store.check(BUCKET));
            for (ThrowingCallable operation : operations) {
                assertThatThrownBy(operation)
                        .isInstanceOf(StorageUnavailable.class)
                        .hasMessageContaining(BUCKET)
                        .hasMessageContaining("unreachable");
            }

            server.start();

            assertThat(server.port()).isEqualTo(port);
            store.check(BUCKET);
            assertThat(store.get(BUCKET, "s/kept/index.html").orElseThrow().bytes()).isEqualTo("v1".getBytes(UTF_8));
            store.put(BUCKET, "s/new/index.html", "v2".getBytes(UTF_8), "text/html", null);
            assertThat(store.list(BUCKET, "s/")).containsExactly("s/kept/index.html", "s/new/index.html");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void objects_on_disk_survive_a_new_server_on_the_same_directory_and_port(@TempDir Path directory) {
        int port;
        try (EmbeddedS3 first = EmbeddedS3.onDisk(directory, 0);
                S3BlobStore store = S3BlobStore.connect(first.endpoint(), first.accessKey(), first.secretKey())) {
            port = first.port();
            store.ensureBucket(BUCKET);
            store.put(BUCKET, "s/page/index.html", "<p>kept</p>".getBytes(UTF_8), "text/html; charset=utf-8",
                    "public, max-age=300");
        }

        try (EmbeddedS3 second = EmbeddedS3.onDisk(directory, port);
                S3BlobStore store = S3BlobStore.connect(second.endpoint(), second.accessKey(), second.secretKey())) {
            assertThat(second.port()).isEqualTo(port);
            store.ensureBucket(BUCKET);
            Blob blob = store.get(BUCKET, "s/page/index.html").orElseThrow();
            assertThat(new String(blob.bytes(), UTF_8)).isEqualTo("<p>kept</p>");
            BlobStoreContractTest.assertSameContentType(blob.contentType(), "text/html; charset=utf-8");
            assertThat(blob.cacheControl()).isEqualTo("public, max-age=300");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_store_that_accepts_connections_but_never_answers_times_out() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The socket closed: the test is over.
                }
            }, "silent-storage");
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            var quick = new S3BlobStore.Timeouts(
                    Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(2), 3, Duration.ofMillis(300));

            try (S3BlobStore store = S3BlobStore.connect(endpoint, "key", "secret", quick)) {
                assertThatThrownBy(() -> store.get(BUCKET, "a"))
                        .isInstanceOf(StorageUnavailable.class)
                        .hasMessageContaining("unreachable");
            }
            // The readiness probe has its own short bound, whatever the other timeouts are.
            try (S3BlobStore store = S3BlobStore.connect(endpoint, "key", "secret")) {
                assertThatThrownBy(() -> store.check(BUCKET))
                        .isInstanceOf(StorageUnavailable.class)
                        .hasMessageContaining("check " + BUCKET);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_store_answering_503_is_retried_a_bounded_number_of_times() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        failing.start();
        try (S3BlobStore store = S3BlobStore.connect(
                URI.create("http://127.0.0.1:" + failing.getAddress().getPort()), "key", "secret")) {
            assertThatThrownBy(() -> store.put(BUCKET, "a", new byte[] {1}, "text/plain", null))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("HTTP 503");
            assertThat(requests.get()).isEqualTo(S3BlobStore.Timeouts.DEFAULT.maxAttempts());
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void a_server_cannot_start_on_a_port_in_use_and_says_which(@TempDir Path directory) {
        try (EmbeddedS3 running = EmbeddedS3.inMemory()) {
            int taken = running.port();

            assertThatThrownBy(() -> EmbeddedS3.onDisk(directory, taken))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining(String.valueOf(taken));
        }
    }

    @Test
    void wrong_credentials_are_a_storage_failure_naming_the_status() {
        try (EmbeddedS3 server = EmbeddedS3.inMemory();
                S3BlobStore store = S3BlobStore.connect(server.endpoint(), server.accessKey(), "not-the-secret")) {
            assertThatThrownBy(() -> store.check(BUCKET))
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("HTTP 403");
        }
    }
}
