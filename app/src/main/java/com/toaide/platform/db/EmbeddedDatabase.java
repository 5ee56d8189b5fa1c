package com.toaide.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 started from Maven Central's binaries, for the embedded default and tests.
 *
 * <p>Data stays in the given directory across restarts, with fsync on (zonky turns it off by
 * default, which is fine for tests and wrong for someone's data).
 *
 * <p>The superuser has a generated password, kept beside the data directory
 * ({@code postgres.password}, readable by its owner only), and every login needs it. zonky
 * initialises a cluster with {@code trust}, which lets any local user of the machine connect as
 * the superuser with no password at all; here a new cluster is initialised with the password
 * and {@code scram-sha-256} instead, and a cluster made before that gets both on its first start.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SUPERUSER = "postgres";

    private static final String AUTH = "scram-sha-256";
    private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*(?:local|host)\\S*\\s.*\\s)trust(\\s*)$");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * Starts on the given port (0: any free port), reusing the data in {@code dataDir}.
     * {@code durable} keeps fsync on; only throwaway test databases turn it off.
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            Path passwordFile = passwordFile(dataDir);
            String password = readOrCreatePassword(passwordFile);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    // A test cluster copies its template database hundreds of times, all of it
                    // through the WAL; the default ceiling (1 GB) would keep a gigabyte of it on disk.
                    .setServerConfig("max_wal_size", durable ? "1GB" : "64MB")
                    .setServerConfig("min_wal_size", durable ? "80MB" : "32MB")
                    // Passed to initdb after zonky's own "-A trust", so these win on a new cluster.
                    .setLocaleConfig("auth", AUTH)
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    // zonky's own readiness check logs in with these.
                    .setConnectConfig("password", password);
            if (port > 0) {
                builder.setPort(port);
            }
            var database = new EmbeddedDatabase(builder.start(), dataDir, password);
            database.endTrust();
            return database;
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
        return new ConnectionSettings(postgres.getJdbcUrl(SUPERUSER, database), SUPERUSER, password);
    }

    /** Where the superuser's password is kept: beside the data directory, which initdb wants empty. */
    static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /**
     * A cluster initialised before passwords (by zonky's {@code trust}) still lets anyone in: set
     * the password while that is still true, then require it and reload. Once per such cluster.
     */
    private void endTrust() throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String rules = Files.readString(hba);
        if (!TRUST.matcher(rules).find()) {
            return;
        }
        log.warn("The embedded database on {} let local users in without a password; it now requires one", dataDir);
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, null);
             var statement = connection.createStatement()) {
            // The password is base64url text, so it cannot close the literal.
            statement.execute("alter role " + SUPERUSER + " password '" + password + "'");
            Files.writeString(hba, TRUST.matcher(rules).replaceAll("$1" + AUTH + "$2"));
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded database's superuser a password", e);
        }
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

    /** Made once per cluster; the file is created readable by its owner only before anything is in it. */
    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password);
        return password;
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
