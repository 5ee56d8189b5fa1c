package com.toaide.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
    @Test
    void a_hosted_postgres_url_becomes_a_jdbc_url_with_credentials() {
        var settings = ConnectionSettings.parse("postgresql://neondb_owner:p%40ss@ep-x.eu-central-1.aws.neon.tech/neondb?sslmode=require");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-x.eu-central-1.aws.neon.tech/neondb?sslmode=require");
        assertThat(settings.user()).isEqualTo("neondb_owner");
        assertThat(settings.password()).isEqualTo("p@ss");
        assertThat(settings.toString()).doesNotContain("p@ss");
    }

    @Test
    void a_port_is_kept_and_a_jdbc_url_is_used_as_is() {
        assertThat(ConnectionSettings.parse("postgres://u:p@localhost:5433/aide").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/aide");
        var jdbc = ConnectionSettings.parse("jdbc:postgresql://localhost/aide?user=u&password=p");
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/aide?user=u&password=p");
        assertThat(jdbc.user()).isNull();
    }

    @Test
    void through_a_pooler_server_side_prepared_statements_are_off_unless_the_url_says_otherwise() {
        assertThat(ConnectionSettings.parse("postgres://u:p@pooler/aide?sslmode=require").withoutPreparedStatements().jdbcUrl())
                .isEqualTo("jdbc:postgresql://pooler/aide?sslmode=require&prepareThreshold=0");
        assertThat(ConnectionSettings.parse("postgres://u:p@pooler/aide").withoutPreparedStatements().jdbcUrl())
                .isEqualTo("jdbc:postgresql://pooler/aide?prepareThreshold=0");
        assertThat(ConnectionSettings.parse("postgres://u:p@pooler/aide?prepareThreshold=3").withoutPreparedStatements().jdbcUrl())
                .isEqualTo("jdbc:postgresql://pooler/aide?prepareThreshold=3");
    }

    @Test
    void another_scheme_is_refused() {
        assertThatThrownBy(() -> ConnectionSettings.parse("mysql://u:p@localhost/aide")).isInstanceOf(IllegalArgumentException.class);
    }
}
