package com.toaide.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.SecureRandom;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible server (s3proxy) inside this JVM, for the embedded default and for tests,
 * so dev and tests run the same {@link S3BlobStore} code that talks to R2 in production.
 *
 * <p>It listens on 127.0.0.1 only and checks signatures with an access key and secret made up
 * at construction; pass {@link #endpoint()}, {@link #accessKey()} and {@link #secretKey()} to
 * {@link S3BlobStore#connect}. It creates no bucket: callers run {@link BlobStore#ensureBucket}
 * for {@code aide-workspaces} and {@code aide-published} (the same code path as with R2):
 * <pre>{@code
 * EmbeddedS3 s3 = EmbeddedS3.onDisk(dataDir.resolve("objects"), 0);
 * S3BlobStore store = S3BlobStore.connect(s3.endpoint(), s3.accessKey(), s3.secretKey());
 * store.ensureBucket("aide-workspaces");
 * store.ensureBucket("aide-published");
 * }</pre>
 *
 * <p>{@link #stop()} and {@link #start()} may be repeated: a restart keeps the port, the keys
 * and the objects, so a client made before the stop works again after it (fault tests rely on
 * this). {@link #close()} stops it for good.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private final org.gaul.s3proxy.blobstore.BlobStore objects;
    private final String accessKey;
    private final String secretKey;
    private int port;
    private S3Proxy server;

    private EmbeddedS3(org.gaul.s3proxy.blobstore.BlobStore objects, int port) {
        this.objects = objects;
        this.port = port;
        SecureRandom random = new SecureRandom();
        this.accessKey = "AIDE" + randomText(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        this.secretKey = randomText(random, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    }

    /**
     * Started, keeping objects as files under {@code directory} (created if missing), so they
     * survive restarts of the app. Port 0 picks a free port; restarts keep the one it picked.
     */
    public static EmbeddedS3 onDisk(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            // s3proxy keeps content type and cache control in user xattrs and silently drops
            // them where there are none: pages would then be served as application/octet-stream.
            if (!Files.getFileStore(directory).supportsFileAttributeView(UserDefinedFileAttributeView.class)) {
                throw new IllegalStateException("object storage directory " + directory
                        + " is on a file system without user extended attributes; choose another DATA_DIR");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the object storage directory " + directory, e);
        }
        return started(new EmbeddedS3(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()), port));
    }

    /** Started on a free port, keeping objects in memory until {@link #close()}: for tests. */
    public static EmbeddedS3 inMemory() {
        return started(new EmbeddedS3(new TransientNio2BlobStore(), 0));
    }

    private static EmbeddedS3 started(EmbeddedS3 s3) {
        try {
            s3.start();
            return s3;
        } catch (RuntimeException e) {
            s3.objects.close();
            throw e;
        }
    }

    /** Starts it again after {@link #stop()}, on the same port with the same keys and objects. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(objects)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // No graceful drain: idle keep-alive connections would hold stop() for the whole timeout.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new StorageUnavailable("embedded S3 did not start on port " + port + ": " + e.getMessage(), e);
        }
        // Jetty's start returns once the connector is bound; a failed start leaves another state.
        if (!"STARTED".equals(proxy.getState())) {
            stopQuietly(proxy);
            throw new StorageUnavailable("embedded S3 did not start on port " + port + ", state " + proxy.getState());
        }
        port = proxy.getPort();
        server = proxy;
    }

    /** Stops listening; objects stay (in memory or on disk) for a later {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        S3Proxy proxy = server;
        server = null;
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded S3 did not stop cleanly", e);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            objects.close();
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // Already failing to start; the start error is the one worth reporting.
        }
    }

    private static String randomText(SecureRandom random, int length, String alphabet) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        // Never the secret: this ends up in logs.
        return "EmbeddedS3[" + endpoint() + (isRunning() ? "" : ", stopped") + "]";
    }
}
