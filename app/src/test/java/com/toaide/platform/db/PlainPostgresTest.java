package com.toaide.platform.db;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.JavaProcess;
import com.toaide.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production shape on a plain PostgreSQL cluster: an owner role that is not a superuser runs
 * the migrations through the jar's {@code migrate} command, a separate runtime login role runs
 * the app, and RLS holds for both.
 */
class PlainPostgresTest {
    @AutoClose static EmbeddedDatabase cluster;
    static String ownerUrl;
    static String runtimeUrl;

    @BeforeAll
    static void createRolesAsAnAdministratorWould() throws Exception {
        cluster = EmbeddedDatabase.start(TestFiles.directory("aide-plain-pg"), 0, false);
        try (var admin = DriverManager.getConnection(cluster.settings("postgres").jdbcUrl(), EmbeddedDatabase.SUPERUSER, cluster.settings("postgres").password());
             var statement = admin.createStatement()) {
            statement.execute("create role aide_owner login createrole password 'owner-secret'");
            statement.execute("create role aide_runtime login password 'runtime-secret'");
            statement.execute("create database aide owner aide_owner");
        }
        ownerUrl = "postgresql://aide_owner:owner-secret@localhost:" + cluster.port() + "/aide";
        runtimeUrl = "postgresql://aide_runtime:runtime-secret@localhost:" + cluster.port() + "/aide";
    }

    @Test
    void a_non_superuser_owner_migrates_and_every_table_has_forced_rls_that_hides_rows_from_the_owner() throws Exception {
        Path log = TestFiles.file("aide-migrate", ".log");
        var migrate = JavaProcess.start(Map.of("DATABASE_URL", runtimeUrl, "DATABASE_MIGRATION_URL", ownerUrl,
                "DATA_DIR", TestFiles.directory("aide-data").toString()), log, "migrate");
        assertThat(migrate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(migrate.exitValue()).as(Files.readString(log)).isZero();

        // The runtime role gets the two roles by hand, as docs/deploy.md says.
        try (var owner = connect(ownerUrl); var statement = owner.createStatement()) {
            statement.execute("grant aide_app, aide_system to aide_runtime with inherit false, set true");
            var tables = new ArrayList<String>();
            try (var rows = statement.executeQuery("""
                    select c.relname, c.relrowsecurity, c.relforcerowsecurity
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                    """)) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                    assertThat(rows.getBoolean(2)).as("RLS enabled on %s", rows.getString(1)).isTrue();
                    assertThat(rows.getBoolean(3)).as("RLS forced on %s", rows.getString(1)).isTrue();
                }
            }
            assertThat(tables).containsExactlyInAnyOrderElementsOf(
                    RowLevelSecurityTest.concat(RowLevelSecurityTest.USER_TABLES.keySet(), RowLevelSecurityTest.SYSTEM_TABLES));

            try (var db = Database.connect(ConnectionSettings.parse(runtimeUrl), 2)) {
                db.asSystem(h -> RowLevelSecurityTest.seedUser(h, "carol@example.com"));
                db.asSystem(h -> h.execute("insert into outbox (recipient, subject, body) values ('carol@example.com', 's', 'b')"));
            }
            for (String table : tables) {
                try (var rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("rows of %s the owner can see", table).isZero();
                }
            }
            // And the runtime login role, before its transaction switches role, sees none either.
            try (var runtime = connect(runtimeUrl); var asRuntime = runtime.createStatement()) {
                for (String table : tables) {
                    try (var rows = asRuntime.executeQuery("select count(*) from " + table)) {
                        rows.next();
                        assertThat(rows.getLong(1)).as("rows of %s the runtime role sees unswitched", table).isZero();
                    } catch (SQLException denied) {
                        assertThat(denied.getSQLState()).isEqualTo("42501");
                    }
                }
            }
        }

        try (var app = TestApp.start(ConnectionSettings.parse(runtimeUrl), Map.of())) {
            assertThat(app.get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    private static Connection connect(String url) throws SQLException {
        var settings = ConnectionSettings.parse(url);
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
