package com.toaide.platform.db;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The embedded database lets nobody in without its generated password, old clusters included. */
class EmbeddedDatabasePasswordTest {

    @Test
    void a_new_cluster_refuses_a_login_without_its_generated_password() throws Exception {
        Path dataDir = TestFiles.directory("aide-pg-password").resolve("postgres");
        try (var database = EmbeddedDatabase.start(dataDir, 0, false)) {
            assertRefusedWithoutPassword(database);
            Path file = EmbeddedDatabase.passwordFile(dataDir);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(database.settings("postgres").password()).hasSizeGreaterThanOrEqualTo(40).isEqualTo(Files.readString(file).strip());
        }
        // The same password on the next start.
        try (var again = EmbeddedDatabase.start(dataDir, 0, false)) {
            assertLoginWorks(again);
        }
        // Another cluster gets another password.
        try (var other = EmbeddedDatabase.start(TestFiles.directory("aide-pg-other").resolve("postgres"), 0, false)) {
            assertThat(other.settings("postgres").password()).isNotEqualTo(Files.readString(EmbeddedDatabase.passwordFile(dataDir)).strip());
        }
    }

    @Test
    void a_cluster_made_with_trust_gets_a_password_on_its_first_start() throws Exception {
        Path dataDir = TestFiles.directory("aide-pg-trust").resolve("postgres");
        // How zonky (and this app before) made a cluster: "trust" for every local login.
        try (var old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
             var open = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", null)) {
            assertThat(open.isValid(1)).isTrue();
        }
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust\\s*$");
        try (var database = EmbeddedDatabase.start(dataDir, 0, false)) {
            assertRefusedWithoutPassword(database);
            assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust\\s*$");
        }
    }

    private static void assertRefusedWithoutPassword(EmbeddedDatabase database) throws SQLException {
        var settings = database.settings("postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), EmbeddedDatabase.SUPERUSER, null).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), EmbeddedDatabase.SUPERUSER, "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertLoginWorks(database);
    }

    private static void assertLoginWorks(EmbeddedDatabase database) throws SQLException {
        var settings = database.settings("postgres");
        try (var connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }
}
