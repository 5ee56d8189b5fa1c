package com.toaide.testing;

import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.db.Database;
import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.platform.db.Migrations;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM. The schema is migrated once into a template
 * database; each test (class) gets its own copy, which Postgres makes in milliseconds.
 */
public final class TestPostgres {
    private static final String TEMPLATE = "aide_template";
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestPostgres() {}

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            server = EmbeddedDatabase.start(TestFiles.directory("aide-test-pg"), 0, false);
            TestFiles.onExit(server::close);
            execute("postgres", "create database " + TEMPLATE);
            Migrations.run(server.settings(TEMPLATE));
        }
        return server;
    }

    /** A new, fully migrated database; superuser settings (the app still switches roles itself). */
    public static ConnectionSettings freshDatabase() {
        var s = server();
        String name = "aide_test_" + databases.incrementAndGet();
        execute("postgres", "create database " + name + " template " + TEMPLATE);
        return s.settings(name);
    }

    /**
     * {@code settings} as one {@code DATABASE_URL} for an app in a JVM of its own: a JDBC URL
     * carrying the user and the (generated) password as connection properties.
     */
    public static String databaseUrl(ConnectionSettings settings) {
        return settings.jdbcUrl() + (settings.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + java.net.URLEncoder.encode(settings.user(), java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(settings.password(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * An operator's own SQL on the database behind {@code db} (as the login role, outside both app
     * roles): what docs/operations.md asks an operator to run by hand, such as making an admin,
     * and what neither the user nor the system path may do.
     */
    public static int asOperator(Database db, String sql, Object... params) {
        try (var connection = db.dataSource().getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one statement as the superuser on the given database. */
    public static void execute(String database, String sql) {
        try (var connection = DriverManager.getConnection(server().settings(database).jdbcUrl(), EmbeddedDatabase.SUPERUSER, server().settings(database).password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
