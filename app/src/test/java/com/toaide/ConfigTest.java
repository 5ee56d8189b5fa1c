package com.toaide;

import com.toaide.ai.AiSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dataDir;

    @Test
    void dev_runs_on_defaults_with_no_variables_at_all() {
        var config = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));
        assertThat(config.isProd()).isFalse();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEmpty();
        assertThat(config.storage()).isEmpty();
        assertThat(config.email()).isEmpty();
        assertThat(config.billing()).isEmpty();
        assertThat(config.ai()).isEmpty();
        assertThat(config.workspaceBucket()).isEqualTo("aide-workspaces");
        assertThat(config.publishedBucket()).isEqualTo("aide-published");
        assertThat(config.editorUrl()).hasToString("http://localhost:8080");
        assertThat(config.publicUrl()).isEqualTo(config.editorUrl());
    }

    @Test
    void the_dev_session_secret_is_generated_once_and_kept_in_the_data_dir() throws Exception {
        var first = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));
        var second = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));
        assertThat(first.jwtSecret()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second.jwtSecret());
        assertThat(Files.readString(dataDir.resolve("jwt-secret"))).isEqualTo(first.jwtSecret());
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))).hasSize(2);
    }

    @Test
    void prod_refuses_to_start_naming_every_missing_variable() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("APP_ENV", "prod", "DATA_DIR", dataDir.toString())))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContainingAll(Config.REQUIRED_IN_PROD.toArray(String[]::new));
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void prod_names_billing_alerts_error_tracking_and_edge_purge_unless_each_is_switched_off() {
        var env = prodEnvironment();
        env.keySet().removeAll(java.util.List.of("BILLING", "ALERTS", "ERROR_TRACKING", "EDGE_PURGE"));
        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .hasMessageContaining("STRIPE_SECRET_KEY is missing (or set BILLING=off)")
                .hasMessageContaining("STRIPE_PRICE_ID is missing (or set BILLING=off)")
                .hasMessageContaining("SLACK_WEBHOOK is missing (or set ALERTS=off)")
                .hasMessageContaining("SENTRY_DSN is missing (or set ERROR_TRACKING=off)")
                .hasMessageContaining("CLOUDFLARE_API_TOKEN is missing (or set EDGE_PURGE=off)");
        env.put("ALERTS", "maybe");
        assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageContaining("ALERTS must be on or off");
    }

    @Test
    void prod_binds_every_interface_and_dev_only_loopback_unless_host_says_otherwise() {
        assertThat(Config.fromEnvironment(prodEnvironment()).host()).isEqualTo("0.0.0.0");
        assertThat(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString())).host()).isEqualTo("127.0.0.1");
        assertThat(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void neons_pooled_url_gets_its_direct_twin_for_listen_and_migrations() {
        var config = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "DATABASE_URL", "postgresql://owner:pw@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/aide?sslmode=require"));
        var database = config.database().orElseThrow();
        assertThat(database.directUrl()).isEqualTo("postgresql://owner:pw@ep-cool-darkness-123456.us-east-2.aws.neon.tech/aide?sslmode=require");
        assertThat(database.migrationUrl()).isEqualTo(database.directUrl());
        assertThat(database.pooled()).isTrue();
    }

    @Test
    void a_direct_url_given_wins_and_a_url_without_a_pooler_is_its_own_direct_url() {
        var given = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "DATABASE_URL", "postgresql://u:p@pooler.internal:6432/aide", "DATABASE_DIRECT_URL", "postgresql://u:p@db.internal/aide"));
        assertThat(given.database().orElseThrow().directUrl()).isEqualTo("postgresql://u:p@db.internal/aide");
        assertThat(given.database().orElseThrow().pooled()).isTrue();
        var plain = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", "postgresql://u:p@db.internal/aide"));
        assertThat(plain.database().orElseThrow().directUrl()).isEqualTo("postgresql://u:p@db.internal/aide");
        assertThat(plain.database().orElseThrow().pooled()).isFalse();
    }

    @Test
    void prod_starts_when_every_production_variable_is_set() {
        var env = prodEnvironment();
        var config = Config.fromEnvironment(env);
        assertThat(config.isProd()).isTrue();
        assertThat(config.database()).get().extracting(Config.Database::migrationUrl).isEqualTo(env.get("DATABASE_URL"));
        assertThat(config.storage()).isPresent();
        assertThat(config.email()).isPresent();
        assertThat(config.billing()).isEmpty();
    }

    @Test
    void a_half_configured_group_names_what_is_missing() {
        var env = prodEnvironment();
        env.put("STRIPE_SECRET_KEY", "sk_test_123");
        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET is missing")
                .hasMessageContaining("STRIPE_PRICE_ID is missing");
    }

    @Test
    void a_short_session_secret_or_a_bad_url_is_refused() {
        var env = prodEnvironment();
        env.put("JWT_SECRET", "short");
        env.put("EDITOR_URL", "not a url");
        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .hasMessageContaining("JWT_SECRET must be at least 32 characters")
                .hasMessageContaining("EDITOR_URL must be an http(s) URL");
    }

    @Test
    void trusted_proxy_is_a_count_of_our_proxies() {
        assertThat(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString())).trustedProxies()).isZero();
        assertThat(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "TRUSTED_PROXY", "true")).trustedProxies()).isEqualTo(1);
        assertThat(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "TRUSTED_PROXY", "2")).trustedProxies()).isEqualTo(2);
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "TRUSTED_PROXY", "yes")))
                .hasMessageContaining("TRUSTED_PROXY must be true, false or a number");
    }

    @Test
    void blank_values_count_as_unset() {
        var config = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", "  ", "PORT", ""));
        assertThat(config.database()).isEmpty();
        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void the_ai_is_anthropic_when_its_key_is_set_and_an_openai_server_when_its_url_is() {
        var anthropic = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "ANTHROPIC_API_KEY", "sk-ant"));
        assertThat(anthropic.ai()).get().satisfies(ai -> {
            assertThat(ai.provider()).isEqualTo(AiSettings.Provider.ANTHROPIC);
            assertThat(ai.baseUrl()).hasToString("https://api.anthropic.com");
        });
        var local = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", "OPENAI_MODEL", "qwen"));
        assertThat(local.ai()).get().satisfies(ai -> {
            assertThat(ai.provider()).isEqualTo(AiSettings.Provider.OPENAI);
            assertThat(ai.fastModel()).isEqualTo("qwen");
        });
    }

    private Map<String, String> prodEnvironment() {
        var env = new HashMap<String, String>();
        env.put("APP_ENV", "prod");
        env.put("DATA_DIR", dataDir.toString());
        env.put("DATABASE_URL", "postgresql://aide:secret@db.example.com/aide?sslmode=require");
        env.put("R2_ENDPOINT", "https://account.r2.cloudflarestorage.com");
        env.put("R2_ACCESS_KEY", "key");
        env.put("R2_SECRET_KEY", "secret");
        env.put("EDITOR_URL", "https://get.toaide.com");
        env.put("PUBLIC_URL", "https://toaide.com");
        env.put("JWT_SECRET", "x".repeat(48));
        env.put("RESEND_API_KEY", "re_123");
        env.put("EMAIL_FROM", "AIde <hello@toaide.com>");
        env.put("BILLING", "off");
        env.put("ALERTS", "off");
        env.put("ERROR_TRACKING", "off");
        env.put("EDGE_PURGE", "off");
        return env;
    }
}
