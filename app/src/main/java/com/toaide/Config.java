package com.toaide;

import com.toaide.ai.AiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.toaide.EnvValues.allOrNothing;
import static com.toaide.EnvValues.parsePort;
import static com.toaide.EnvValues.parseProxies;
import static com.toaide.EnvValues.parseUrl;
import static com.toaide.EnvValues.seconds;

/**
 * Everything the app reads from the environment, read once at start (docs/configuration.md).
 *
 * <p>In {@code dev} every variable has a default and the app runs on its embedded default. In
 * {@code prod} the app refuses to start, naming every missing variable at once. No secret has
 * a default in code: the dev session secret is generated into {@code DATA_DIR} on first start.
 */
public record Config(
        Environment environment,
        String host,
        int port,
        Path dataDir,
        Optional<Database> database,
        Optional<Storage> storage,
        String workspaceBucket,
        String publishedBucket,
        URI editorUrl,
        URI publicUrl,
        String jwtSecret,
        Optional<Email> email,
        Optional<Billing> billing,
        Optional<AiSettings> ai,
        Optional<String> sentryDsn,
        Optional<URI> slackWebhook,
        int trustedProxies,
        Optional<EdgeCache> edgeCache,
        Optional<String> verifySecret,
        AutoPublish autoPublish) {

    public enum Environment { DEV, PROD }

    /**
     * Postgres: the runtime URL (a transaction-mode pooler in production), the direct URL that
     * LISTEN needs (a pooler swallows it without an error), and the owner URL used only by
     * migrations (Flyway's session lock needs a direct connection too).
     */
    public record Database(String url, String migrationUrl, String directUrl) {
        /** True when the runtime URL goes through a pooler: it differs from the direct one. */
        public boolean pooled() {
            return !url.equals(directUrl);
        }
    }

    /**
     * Neon names a branch's pooled endpoint by adding {@code -pooler} to the endpoint id
     * ({@code ep-name-123-pooler.region.aws.neon.tech}); the direct endpoint is the same host
     * without it. Any other URL is its own direct URL.
     */
    static String directUrlOf(String url) {
        var matcher = NEON_POOLER.matcher(url);
        return matcher.find() ? matcher.replaceFirst("$1.") : url;
    }

    /** The host's first label (after {@code //} or the credentials' {@code @}) ending in {@code -pooler}. */
    private static final Pattern NEON_POOLER = Pattern.compile("([@/][A-Za-z0-9-]+?)-pooler\\.");

    /** S3-compatible object storage (Cloudflare R2 in production). */
    public record Storage(URI endpoint, String accessKey, String secretKey) {}

    public record Email(String resendApiKey, String from) {}

    /**
     * "Keep the published page up to date": a page is published once it has been quiet for
     * {@code quiet}, or once its first unpublished change is {@code gap} old, and never sooner
     * than {@code gap} after its last publish. So a burst of edits makes one version.
     */
    public record AutoPublish(Duration quiet, Duration gap) {}

    public record Billing(String secretKey, String webhookSecret, String priceId, URI apiBase) {}

    /** Cloudflare's purge API for the zone that caches published pages ({@code apiBase} is a local fake in tests). */
    public record EdgeCache(String zoneId, String apiToken, URI apiBase) {}

    /**
     * What production needs beyond {@link #REQUIRED_IN_PROD} unless its switch says {@code off}:
     * a feature may be off in production only when someone wrote that down.
     */
    record Switchable(String switchName, List<String> variables) {}

    static final List<Switchable> SWITCHABLE_IN_PROD = List.of(
            new Switchable("BILLING", List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_ID")),
            new Switchable("ALERTS", List.of("SLACK_WEBHOOK")),
            new Switchable("ERROR_TRACKING", List.of("SENTRY_DSN")),
            new Switchable("EDGE_PURGE", List.of("CLOUDFLARE_ZONE_ID", "CLOUDFLARE_API_TOKEN")));

    static final List<String> REQUIRED_IN_PROD = List.of(
            "DATABASE_URL", "R2_ENDPOINT", "R2_ACCESS_KEY", "R2_SECRET_KEY",
            "EDITOR_URL", "PUBLIC_URL", "JWT_SECRET", "RESEND_API_KEY", "EMAIL_FROM");

    static final List<String> BILLING = List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_ID");

    private static final int MIN_SECRET_LENGTH = 32;

    public static Config fromEnvironment(Map<String, String> env) {
        var vars = new EnvValues.Vars(env);
        var problems = new ArrayList<String>();

        var environment = switch (vars.get("APP_ENV").orElse("dev")) {
            case "dev" -> Environment.DEV;
            case "prod" -> Environment.PROD;
            default -> {
                problems.add("APP_ENV must be dev or prod");
                yield Environment.DEV;
            }
        };
        boolean prod = environment == Environment.PROD;
        if (prod) {
            REQUIRED_IN_PROD.stream().filter(name -> vars.get(name).isEmpty()).forEach(name -> problems.add(name + " is missing"));
            for (var feature : SWITCHABLE_IN_PROD) {
                String setting = vars.get(feature.switchName()).orElse("on");
                if (!setting.equals("on") && !setting.equals("off")) {
                    problems.add(feature.switchName() + " must be on or off");
                } else if (setting.equals("on")) {
                    feature.variables().stream().filter(name -> vars.get(name).isEmpty())
                            .forEach(name -> problems.add(name + " is missing (or set " + feature.switchName() + "=off)"));
                }
            }
        }

        int port = vars.get("PORT").map(value -> parsePort(value, problems)).orElse(8080);
        // Outside production only this machine can reach the app unless HOST says otherwise: a
        // dev instance shows every sign-in link at /dev/outbox.
        String host = vars.get("HOST").orElse(prod ? "0.0.0.0" : "127.0.0.1");
        Path dataDir = Path.of(vars.get("DATA_DIR").orElse(".aide")).toAbsolutePath().normalize();
        URI editorUrl = vars.get("EDITOR_URL").map(value -> parseUrl("EDITOR_URL", value, problems)).orElse(URI.create("http://localhost:" + port));
        URI publicUrl = vars.get("PUBLIC_URL").map(value -> parseUrl("PUBLIC_URL", value, problems)).orElse(editorUrl);

        var database = vars.get("DATABASE_URL").map(url -> {
            String direct = vars.get("DATABASE_DIRECT_URL").orElse(directUrlOf(url));
            return new Database(url, vars.get("DATABASE_MIGRATION_URL").orElse(direct), direct);
        });
        var storage = allOrNothing(vars, List.of("R2_ENDPOINT", "R2_ACCESS_KEY", "R2_SECRET_KEY"), problems)
                .map(v -> new Storage(parseUrl("R2_ENDPOINT", v.get(0), problems), v.get(1), v.get(2)));
        var email = allOrNothing(vars, List.of("RESEND_API_KEY", "EMAIL_FROM"), problems)
                .map(v -> new Email(v.get(0), v.get(1)));
        var billing = allOrNothing(vars, BILLING, problems)
                .map(v -> new Billing(v.get(0), v.get(1), v.get(2),
                        parseUrl("STRIPE_API_BASE", vars.get("STRIPE_API_BASE").orElse("https://api.stripe.com"), problems)));

        var ai = ai(vars, problems);
        var edgeCache = allOrNothing(vars, List.of("CLOUDFLARE_ZONE_ID", "CLOUDFLARE_API_TOKEN"), problems)
                .map(v -> new EdgeCache(v.get(0), v.get(1), parseUrl("CLOUDFLARE_API_BASE",
                        vars.get("CLOUDFLARE_API_BASE").orElse("https://api.cloudflare.com/client/v4"), problems)));
        var verifySecret = vars.get("VERIFY_SECRET");
        if (verifySecret.isPresent() && verifySecret.get().length() < MIN_SECRET_LENGTH) {
            problems.add("VERIFY_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        var autoPublish = new AutoPublish(
                Duration.ofSeconds(seconds(vars, "AUTO_PUBLISH_QUIET_SECONDS", 30, problems)),
                Duration.ofSeconds(seconds(vars, "AUTO_PUBLISH_GAP_SECONDS", 180, problems)));

        String jwtSecret = vars.get("JWT_SECRET").orElse(null);
        if (jwtSecret != null && jwtSecret.length() < MIN_SECRET_LENGTH) {
            problems.add("JWT_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
        }

        int trustedProxies = vars.get("TRUSTED_PROXY").map(value -> parseProxies(value, problems)).orElse(0);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (jwtSecret == null) {
            jwtSecret = devSecret(dataDir);
        }
        return new Config(environment, host, port, dataDir, database, storage,
                vars.get("R2_WORKSPACE_BUCKET").orElse("aide-workspaces"),
                vars.get("R2_PUBLISHED_BUCKET").orElse("aide-published"),
                editorUrl, publicUrl, jwtSecret, email, billing, ai,
                vars.get("SENTRY_DSN"),
                vars.get("SLACK_WEBHOOK").map(value -> URI.create(value)),
                trustedProxies, edgeCache, verifySecret, autoPublish);
    }

    public boolean isProd() {
        return environment == Environment.PROD;
    }

    /** Anthropic when its key is set; else an OpenAI-compatible server when its URL is set; else off. */
    private static Optional<AiSettings> ai(EnvValues.Vars vars, List<String> problems) {
        if (vars.get("ANTHROPIC_API_KEY").isPresent()) {
            return Optional.of(new AiSettings(AiSettings.Provider.ANTHROPIC,
                    parseUrl("ANTHROPIC_BASE_URL", vars.get("ANTHROPIC_BASE_URL").orElse("https://api.anthropic.com"), problems),
                    vars.get("ANTHROPIC_API_KEY").orElseThrow(),
                    vars.get("AIDE_MODEL_FAST").orElse("claude-haiku-4-5"),
                    vars.get("AIDE_MODEL_DEEP").orElse("claude-sonnet-4-5")));
        }
        if (vars.get("OPENAI_BASE_URL").isPresent()) {
            if (vars.get("OPENAI_MODEL").isEmpty()) {
                problems.add("OPENAI_MODEL is missing (set together with OPENAI_BASE_URL)");
                return Optional.empty();
            }
            String model = vars.get("OPENAI_MODEL").orElseThrow();
            return Optional.of(new AiSettings(AiSettings.Provider.OPENAI,
                    parseUrl("OPENAI_BASE_URL", vars.get("OPENAI_BASE_URL").orElseThrow(), problems),
                    vars.get("OPENAI_API_KEY").orElse(""), model, model));
        }
        return Optional.empty();
    }

    /** The dev session secret: generated once, kept in DATA_DIR so sessions survive restarts. */
    private static String devSecret(Path dataDir) {
        Path file = dataDir.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the dev secret in " + file, e);
        }
    }

    /** Start-up refused: every problem with the environment at once. */
    public static final class ConfigException extends RuntimeException {
        ConfigException(List<String> problems) {
            super("AIde cannot start: " + String.join("; ", problems));
        }
    }
}
