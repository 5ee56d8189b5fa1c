package com.toaide.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 started from Maven Central's binaries, for the embedded default and tests.
 *
 * <p>Data stays in the given directory across restarts, with fsync on (zonky turns it off by
 * default, which is fine for tests and wrong for someone's data).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts on the given port (0: any free port), reusing the data in {@code dataDir}.
     * {@code durable} keeps fsync on; only throwaway test databases turn it off.
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded database did not start in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Superuser connection to one database: the embedded default's migration and runtime URL. */
    public ConnectionSettings settings(String database) {
        return new ConnectionSettings(postgres.getJdbcUrl(SUPERUSER, database), SUPERUSER, null);
    }

    /** The running server (the postmaster), so fault tests can freeze it. */
    public ProcessHandle process() {
        try {
            return serverProcess(dataDir).orElseThrow(() -> new IllegalStateException("No postgres runs on " + dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded database did not stop cleanly", e);
        }
    }

    /**
     * A JVM killed with -9 leaves its postgres child running on the data directory, and a new
     * server would refuse to start on it. Stop that server first, gently, then firmly.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = serverProcess(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        var process = orphan.get();
        log.warn("Stopping an orphaned postgres (pid {}) left on {}", process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** The live postgres named by the data directory's postmaster.pid, if any. */
    private static Optional<ProcessHandle> serverProcess(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst()
                .map(String::strip)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(cmd -> cmd.contains("postgres")).orElse(false));
    }
}
