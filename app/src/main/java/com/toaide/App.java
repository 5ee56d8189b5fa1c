package com.toaide;

import com.toaide.ai.PriceTable;
import com.toaide.ai.Prompts;
import com.toaide.ai.StreamPolicy;
import com.toaide.ai.TurnRoutes;
import com.toaide.ai.TurnService;
import com.toaide.aides.AideRoutes;
import com.toaide.aides.AideService;
import com.toaide.aides.EditService;
import com.toaide.aides.LiveHub;
import com.toaide.aides.LiveRoutes;
import com.toaide.aides.PageCssRoute;
import com.toaide.auth.AccountRoutes;
import com.toaide.auth.AccountService;
import com.toaide.auth.MagicLinkService;
import com.toaide.auth.SessionGuard;
import com.toaide.auth.SessionService;
import com.toaide.auth.SignInRoutes;
import com.toaide.billing.BillingRoutes;
import com.toaide.billing.BillingService;
import com.toaide.billing.PaymentProvider;
import com.toaide.billing.StripePayments;
import com.toaide.ops.AbuseCheck;
import com.toaide.ops.AdminRoutes;
import com.toaide.ops.Alerts;
import com.toaide.ops.BreakGlass;
import com.toaide.ops.Cleanup;
import com.toaide.ops.HealthRoutes;
import com.toaide.ops.Job;
import com.toaide.ops.LimitedUsers;
import com.toaide.ops.Readiness;
import com.toaide.ops.Scheduler;
import com.toaide.ops.SlackAlerts;
import com.toaide.platform.db.ChangeListener;
import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.db.Database;
import com.toaide.platform.mail.DevOutbox;
import com.toaide.platform.mail.EmailSender;
import com.toaide.platform.mail.OutboxRoutes;
import com.toaide.platform.mail.ResendEmailSender;
import com.toaide.platform.observe.ErrorReporter;
import com.toaide.platform.storage.BlobStore;
import com.toaide.platform.storage.S3BlobStore;
import com.toaide.platform.storage.StorageUnavailable;
import com.toaide.platform.web.Assets;
import com.toaide.platform.web.BufferedRateLimiter;
import com.toaide.platform.web.BodyLimits;
import com.toaide.platform.web.ClientIp;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.OriginGuard;
import com.toaide.platform.web.RateLimiter;
import com.toaide.platform.web.RequestIds;
import com.toaide.platform.web.RequestLimits;
import com.toaide.platform.web.RequestLog;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Role;
import com.toaide.platform.web.SecurityHeaders;
import com.toaide.platform.web.Views;
import com.toaide.publish.AutoPublisher;
import com.toaide.publish.PublicPages;
import com.toaide.publish.PublishRoutes;
import com.toaide.publish.PublishService;
import com.toaide.render.Renderer;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson3;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires AIde by hand and holds the one route table: every URL the app answers, with its role.
 * Closing it stops taking requests, lets those in flight finish, then closes what it owns.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final long READINESS_BUDGET_MILLIS = 1_500;
    private static final long GRACEFUL_STOP_MILLIS = 10_000;
    private static final int REQUEST_THREADS = 64;
    private static final Duration SCHEDULER_TICK = Duration.ofSeconds(5);
    /** "Keep the published page up to date" uploads an aide at most this often. */
    private static final Duration AUTO_PUBLISH_INTERVAL = Duration.ofSeconds(10);

    private final Javalin javalin;
    private final List<AutoCloseable> owned;

    private App(Javalin javalin, List<AutoCloseable> owned) {
        this.javalin = javalin;
        this.owned = owned;
    }

    /**
     * What the app runs on: the resolved database (its runtime connection, possibly through a
     * transaction-mode pooler, and the direct one LISTEN needs) and object storage (from the
     * environment or the embedded default), and what it must close when it stops, last first.
     */
    public record Infrastructure(ConnectionSettings database, ConnectionSettings listenDatabase, Config.Storage storage,
                                 List<AutoCloseable> owned) {
        /** No pooler: LISTEN uses the runtime connection's settings. */
        public Infrastructure(ConnectionSettings database, Config.Storage storage, List<AutoCloseable> owned) {
            this(database, database, storage, owned);
        }
    }

    public static App start(Config config, Infrastructure infrastructure) {
        return start(config, infrastructure, StreamPolicy.DEFAULT);
    }

    /** @param modelLimits the model call's time limits and retries (tests pass short ones) */
    public static App start(Config config, Infrastructure infrastructure, StreamPolicy modelLimits) {
        var owned = new ArrayList<>(infrastructure.owned());
        try {
            var db = Database.connect(infrastructure.database(), 10);
            owned.add(db);
            var storage = S3BlobStore.connect(infrastructure.storage().endpoint(),
                    infrastructure.storage().accessKey(), infrastructure.storage().secretKey());
            owned.add(storage);
            ensureBuckets(storage, config);
            var reporter = new ErrorReporter(config.sentryDsn(), config.environment().name().toLowerCase(), "aide");
            owned.add(reporter);

            var views = new Views();
            var assets = new Assets();
            var errors = new Errors(views, assets, reporter);
            var securityHeaders = new SecurityHeaders(config.isProd());
            var originGuard = new OriginGuard(config.editorUrl(), Set.of("/webhooks/stripe"));
            var requestLog = new RequestLog();
            var bodyLimits = new BodyLimits();
            var sessions = new SessionService(db, config.jwtSecret(), Clock.systemUTC());
            var sessionGuard = new SessionGuard(sessions, config.isProd());
            owned.add(new ChangeListener(infrastructure.listenDatabase(), SessionService.REVOKED_CHANNEL, sessions::onRevoked,
                    sessions::forgetAll).start());

            Map<String, Readiness.Check> checks = new LinkedHashMap<>();
            checks.put("database", db::check);
            checks.put("storage", () -> storage.check(config.publishedBucket()));
            var readiness = new Readiness(checks, READINESS_BUDGET_MILLIS);
            owned.add(readiness);

            // Without a real mailer, emails land in the dev outbox (never in prod: Config requires Resend there).
            var devOutbox = config.email().isEmpty() ? new DevOutbox(db) : null;
            EmailSender mailer = devOutbox != null ? devOutbox
                    : new ResendEmailSender(config.email().get().resendApiKey(), config.email().get().from());
            var rateLimiter = new RateLimiter(db, Clock.systemUTC());
            var magicLinks = new MagicLinkService(db, mailer, rateLimiter, sessions, config.editorUrl());
            var signIn = new SignInRoutes(views, assets, magicLinks, sessions, sessionGuard, new ClientIp(config.trustedProxy()));
            var billingService = new BillingService(db, config.billing().map(App::payments), config.editorUrl());
            var health = new HealthRoutes(readiness);
            var renderer = new Renderer();
            var edits = new EditService(db, Clock.systemUTC());
            var publishService = new PublishService(db, storage, config.publishedBucket(), edits, renderer, billingService,
                    config.publicUrl(), config.editorUrl(), Clock.systemUTC(), new SecureRandom());
            // Before an account is deleted, its public pages go and its sessions end on every instance.
            var account = new AccountRoutes(new AccountService(db, billingService, List.of(publishService::beforeAccountDelete, sessions::endAll),
                    Clock.systemUTC()), billingService, sessionGuard, views, assets);
            var aideService = new AideService(db, billingService, publishService::beforeAideDelete);
            var turnService = new TurnService(db, edits, billingService, config.ai(), modelLimits,
                    Prompts.load(), PriceTable.standard(), Clock.systemUTC());
            owned.add(turnService);
            var pageCss = new PageCssRoute(renderer);
            var aides = new AideRoutes(aideService, edits, views, assets, renderer, pageCss.url(),
                    config.publicUrl().toString(), config.ai().isPresent(), turnService::chat);
            var hub = new LiveHub(edits, renderer);
            owned.add(hub);
            owned.add(new ChangeListener(infrastructure.listenDatabase(), "aide_changes", hub::onNotice, hub::resync).start());
            var autoPublisher = new AutoPublisher(publishService, AUTO_PUBLISH_INTERVAL);
            owned.add(autoPublisher);
            // A listener of its own: a notice lost while it reconnects is published with the aide's next change.
            owned.add(new ChangeListener(infrastructure.listenDatabase(), EditService.AUTO_PUBLISH_CHANNEL, autoPublisher::onNotice, () -> { }).start());
            var publish = new PublishRoutes(publishService, billingService, views, assets);
            // In production the CDN serves /s/ from the bucket; the app serves it only on its embedded default.
            var publicPages = config.storage().isEmpty() ? new PublicPages(publishService) : null;
            owned.add(new ChangeListener(infrastructure.listenDatabase(), TurnService.INTERRUPTS, turnService::onInterrupt, () -> { }).start());
            var turns = new TurnRoutes(turnService);
            var live = new LiveRoutes(hub, sessions, aideService, originGuard, turnService::interrupt);
            var billing = new BillingRoutes(billingService, views, assets);
            var outbox = devOutbox == null ? null : new OutboxRoutes(devOutbox, views, assets);

            // Operations (docs/operations.md): limits, break-glass, background jobs.
            var clientIp = new ClientIp(config.trustedProxy());
            var requestCounters = new BufferedRateLimiter(db, Clock.systemUTC()).start();
            owned.add(requestCounters);
            var requestLimits = new RequestLimits(requestCounters, clientIp);
            var limitedUsers = new LimitedUsers(db, Clock.systemUTC()).start();
            owned.add(limitedUsers);
            var breakGlass = new BreakGlass(db, renderer);
            var admin = new AdminRoutes(breakGlass, views, assets, pageCss.url());
            Alerts alerts = config.slackWebhook().<Alerts>map(SlackAlerts::new).orElseGet(Alerts::logOnly);
            var scheduler = new Scheduler(db, Clock.systemUTC(), SCHEDULER_TICK)
                    .register(new AbuseCheck(db, rateLimiter, alerts, Clock.systemUTC()))
                    .register(new Cleanup(db, Clock.systemUTC()))
                    // Public objects no published aide points to (security.md, publishing).
                    .register(Job.of("publish-orphan-sweep", Duration.ofHours(1), () -> publishService.sweepOrphans()));
            owned.add(scheduler);

            var javalin = Javalin.create(cfg -> {
                platform(cfg);
                cfg.requestLogger.http(requestLog::write);
                errors.register(cfg.routes);

                cfg.routes.before(RequestIds::assign);
                cfg.routes.before(securityHeaders::apply);
                cfg.routes.before(originGuard::check);
                cfg.routes.before(bodyLimits::check);
                cfg.routes.beforeMatched(sessionGuard::check);
                cfg.routes.beforeMatched(ctx -> {
                    if (ctx.routeRoles().contains(Role.DEV_ONLY) && outbox == null) {
                        throw new NotFoundResponse();
                    }
                    // Admin pages do not exist for anyone else (not even a 403 that says they do).
                    if (ctx.routeRoles().contains(Role.ADMIN) && !RequestUser.of(ctx).map(breakGlass::isAdmin).orElse(false)) {
                        throw new NotFoundResponse();
                    }
                });
                cfg.routes.beforeMatched(requestLimits::check);
                cfg.routes.beforeMatched(limitedUsers::guard);

                // The route table (web.md). Roles: ANYONE, USER (signed in), ADMIN (users.is_admin), DEV_ONLY.
                cfg.routes.get("/", signIn::landing, Role.ANYONE);

                // Sign-in by magic link, and signing out (security.md, sign-in).
                cfg.routes.get("/login", signIn::loginForm, Role.ANYONE);
                cfg.routes.post("/login", signIn::requestLink, Role.ANYONE);
                cfg.routes.get("/login/sent", signIn::linkSent, Role.ANYONE);
                cfg.routes.get("/auth/verify", signIn::verifyPage, Role.ANYONE);
                cfg.routes.post("/auth/verify", signIn::verify, Role.ANYONE);
                cfg.routes.post("/logout", signIn::logout, Role.USER);

                cfg.routes.get("/aides", aides::dashboard, Role.USER);
                cfg.routes.post("/aides", aides::create, Role.USER);
                cfg.routes.get("/aides/{id}", aides::editor, Role.USER);
                cfg.routes.get("/aides/{id}/snapshot", aides::snapshot, Role.USER);
                cfg.routes.post("/aides/{id}/events", aides::events, Role.USER);
                cfg.routes.post("/aides/{id}/turns", turns::start, Role.USER);
                cfg.routes.get("/aides/{id}/turns/{turn}", turns::show, Role.USER);
                cfg.routes.post("/aides/{id}/undo", aides::undo, Role.USER);
                cfg.routes.post("/aides/{id}/redo", aides::redo, Role.USER);
                cfg.routes.post("/aides/{id}/rename", aides::rename, Role.USER);
                cfg.routes.post("/aides/{id}/archive", aides::archive, Role.USER);
                cfg.routes.post("/aides/{id}/delete", aides::delete, Role.USER);
                cfg.routes.post("/aides/{id}/publish", publish::publish, Role.USER);
                cfg.routes.post("/aides/{id}/unpublish", publish::unpublish, Role.USER);
                cfg.routes.post("/aides/{id}/auto-publish", publish::autoPublish, Role.USER);
                cfg.routes.get("/aides/{id}/versions", publish::versions, Role.USER);
                cfg.routes.post("/aides/{id}/versions/{n}/restore", publish::restore, Role.USER);
                cfg.routes.wsBeforeUpgrade("/aides/{id}/live", live::beforeUpgrade);
                cfg.routes.ws("/aides/{id}/live", live::channel);
                cfg.routes.get("/render/page.css", pageCss::css, Role.ANYONE);
                cfg.routes.get("/static/<path>", assets::serve, Role.ANYONE);

                // Published pages, embedded default only (web.md); the CDN serves them in production.
                if (publicPages != null) {
                    cfg.routes.get("/s/{slug}", publicPages::page, Role.ANYONE);
                    cfg.routes.get("/s/{slug}/v/{n}", publicPages::version, Role.ANYONE);
                    cfg.routes.get("/s/{slug}/feed.xml", publicPages::feed, Role.ANYONE);
                }

                // The account: plan and turns, export, deletion.
                cfg.routes.get("/account", account::show, Role.USER);
                cfg.routes.get("/account/export", account::export, Role.USER);
                cfg.routes.post("/account/delete", account::delete, Role.USER);

                // Billing: the POSTs answer 404 while billing is off; Stripe's webhook proves itself by signature.
                cfg.routes.get("/billing", billing::page, Role.USER);
                cfg.routes.post("/billing/checkout", billing::checkout, Role.USER);
                cfg.routes.post("/billing/portal", billing::portal, Role.USER);
                cfg.routes.post("/webhooks/stripe", billing::webhook, Role.ANYONE);
                cfg.routes.get("/health", health::live, Role.ANYONE);
                cfg.routes.get("/health/ready", health::ready, Role.ANYONE);
                cfg.routes.get("/dev/outbox", ctx -> outbox.list(ctx), Role.DEV_ONLY);

                // Admin break-glass: a written reason, recorded before the aide is shown read-only.
                cfg.routes.get("/admin", admin::dashboard, Role.ADMIN);
                cfg.routes.post("/admin/aides/{id}/open", admin::open, Role.ADMIN);
            });
            javalin.start(config.port());
            scheduler.start();
            log.info("AIde is listening on port {} ({})", javalin.port(), config.environment().name().toLowerCase());
            return new App(javalin, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    private static PaymentProvider payments(Config.Billing billing) {
        return new StripePayments(billing.secretKey(), billing.webhookSecret(), billing.priceId(), billing.apiBase());
    }

    /** Buckets are created on start when missing; an outage here is reported by readiness, not fatal. */
    private static void ensureBuckets(BlobStore storage, Config config) {
        try {
            storage.ensureBucket(config.workspaceBucket());
            storage.ensureBucket(config.publishedBucket());
        } catch (StorageUnavailable e) {
            log.warn("Object storage unavailable at start: {}", e.getMessage());
        }
    }

    private static void platform(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.maxRequestSize = BodyLimits.DEFAULT_BYTES;
        cfg.http.generateEtags = false;
        // A bounded pool: requests wait for one of ten database connections anyway, and on
        // Java 17 every extra platform thread costs memory (docs/performance.md).
        var threads = new QueuedThreadPool(REQUEST_THREADS, 8, 60_000);
        threads.setName("http");
        cfg.jetty.threadPool = threads;
        cfg.jsonMapper(new JavalinJackson3(JsonMapper.builder().build(), false));
        cfg.jetty.modifyServer(server -> {
            // Stop accepting, then let in-flight requests finish before the pools close.
            server.insertHandler(new GracefulHandler());
            server.setStopTimeout(GRACEFUL_STOP_MILLIS);
            server.setStopAtShutdown(false);
        });
    }

    public int port() {
        return javalin.port();
    }

    /** True once every Postgres LISTEN of this instance is open (a notice sent before is not heard). */
    public boolean listening() {
        return owned.stream().filter(ChangeListener.class::isInstance).map(ChangeListener.class::cast)
                .allMatch(ChangeListener::isListening);
    }

    /** Requests being handled right now (what a graceful stop waits for). */
    public long requestsInFlight() {
        var graceful = javalin.jettyServer().server().getDescendant(GracefulHandler.class);
        return graceful == null ? 0 : graceful.getCurrentRequestCount();
    }

    @Override
    public void close() {
        javalin.stop();
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resources.get(i).getClass().getSimpleName(), e);
            }
        }
    }
}
