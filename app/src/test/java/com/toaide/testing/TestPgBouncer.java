package com.toaide.testing;

import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's {@code pgbouncer} in transaction mode in front of the test PostgreSQL, as Neon's
 * pooled connection string puts one in front of production: a server connection is lent for one
 * transaction, so LISTEN hears nothing and server-side prepared statements go missing. One per
 * test JVM; every database of the test server is reachable through it ({@code *} entry).
 */
public final class TestPgBouncer {
    private static Process process;
    private static int port;

    private TestPgBouncer() {}

    /** The runtime connection to {@code direct}'s database through the pooler, as the app would make it. */
    public static ConnectionSettings pooled(ConnectionSettings direct) {
        String database = URI.create(direct.jdbcUrl().substring("jdbc:".length())).getPath();
        return new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + port() + database, EmbeddedDatabase.SUPERUSER, null)
                .withoutPreparedStatements();
    }

    public static synchronized int port() {
        if (process == null) {
            start();
        }
        return port;
    }

    private static void start() {
        String binary = onPath("pgbouncer");
        try {
            int postgresPort = URI.create(TestPostgres.server().settings("postgres").jdbcUrl().substring("jdbc:".length())).getPort();
            port = TestApp.freePort();
            // pgbouncer refuses to run as root; as root it is told to switch to the postgres user
            // (Debian's package creates it), which then needs to read these files.
            Path dir = TestFiles.directory("aide-pgbouncer", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path users = dir.resolve("users.txt");
            // pgbouncer logs in to Postgres with this password; its own clients are trusted.
            Files.writeString(users, "\"" + EmbeddedDatabase.SUPERUSER + "\" \"" + TestPostgres.server().settings("postgres").password() + "\"\n");
            var ini = new ArrayList<>(List.of(
                    "[databases]",
                    "* = host=127.0.0.1 port=" + postgresPort,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + users,
                    "pool_mode = transaction",
                    // pgjdbc sends it at start-up; Neon's pooler accepts it too.
                    "ignore_startup_parameters = extra_float_digits",
                    "max_client_conn = 1000",
                    "default_pool_size = 40"));
            if ("root".equals(System.getProperty("user.name"))) {
                ini.add("user = postgres");
            }
            Path config = dir.resolve("pgbouncer.ini");
            Files.write(config, ini);
            process = new ProcessBuilder(binary, config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("pgbouncer.log").toFile())
                    .start();
            TestFiles.onExit(process::destroy);
            awaitPort(dir.resolve("pgbouncer.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitPort(Path log) {
        Eventually.within(Duration.ofSeconds(10), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("pgbouncer stopped at start: " + readQuietly(log));
            }
            try (var socket = new Socket("127.0.0.1", port)) {
                // Listening.
            } catch (IOException notYet) {
                throw new AssertionError("pgbouncer did not listen within 10 s: " + readQuietly(log), notYet);
            }
        });
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String onPath(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException("These tests need Debian's pgbouncer: apt-get install -y pgbouncer (.ci/run installs it)");
    }
}
