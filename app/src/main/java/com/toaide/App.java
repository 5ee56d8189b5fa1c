package com.toaide;

import static com.toaide.platform.web.Policy.CSRF_EXEMPT;
import static com.toaide.platform.web.Policy.LOCAL_IMAGES;
import static com.toaide.platform.web.Policy.PAGE_CSP;
import static com.toaide.platform.web.Policy.PHOTO_BODY;
import static com.toaide.platform.web.Policy.PAUSABLE;
import static com.toaide.platform.web.Policy.SMALL_BODY;
import static com.toaide.platform.web.Role.ADMIN;
import static com.toaide.platform.web.Role.ANYONE;
import static com.toaide.platform.web.Role.DEV_ONLY;
import static com.toaide.platform.web.Role.USER;

import com.toaide.ai.StreamPolicy;
import com.toaide.platform.db.ChangeListener;
import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.observe.Redacted;
import com.toaide.platform.web.RequestIds;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AIde's one route table: every URL the app answers, with its role and the policies that apply
 * to it ({@link com.toaide.platform.web.Policy}), read by the guards that run before each
 * route. {@link Wiring} builds the parts. Closing the app stops taking requests, lets those in
 * flight finish, then closes what it owns.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /**
     * After this long without a request (and with no live tab open) the instance is idle: it lets
     * its LISTEN connections go and stops its per-second reloads, so the database can sleep.
     * Longer than a remembered session lives, so nothing remembered outlasts a gap in listening.
     */
    private static final Duration IDLE_AFTER = Duration.ofMinutes(2);

    /** Said at every start outside production, so a dev instance deployed by mistake is noticed in its log. */
    static final String DEV_MODE_LINE = "DEV MODE (APP_ENV is not prod): embedded defaults where variables are missing,"
            + " sign-in links readable at /dev/outbox from this machine only. Never expose this instance; set APP_ENV=prod in production.";

    /**
     * The Java release production runs on and CI tests on (docs/deploy.md). Railway's builder installs
     * 21 unless the service sets RAILPACK_JDK_VERSION, and 21 is tested nowhere.
     */
    static final int PRODUCTION_JAVA = 25;

    private final Javalin javalin;
    private final List<AutoCloseable> owned;
    private final Runnable beforeStop;
    private final DirectEdits directEdits;

    private App(Javalin javalin, List<AutoCloseable> owned, Runnable beforeStop, DirectEdits directEdits) {
        this.javalin = javalin;
        this.owned = owned;
        this.beforeStop = beforeStop;
        this.directEdits = directEdits;
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

    /** What a production start says when its Java is older than the one it is tested and measured on. */
    static Optional<String> olderJavaLine(Runtime.Version running) {
        if (running.feature() >= PRODUCTION_JAVA) {
            return Optional.empty();
        }
        return Optional.of("Running on Java " + running + ", not the Java " + PRODUCTION_JAVA
                + " production is tested and measured on: set RAILPACK_JDK_VERSION=" + PRODUCTION_JAVA + " on the service (docs/deploy.md)");
    }

    public static App start(Config config, Infrastructure infrastructure) {
        return start(config, infrastructure, StreamPolicy.DEFAULT);
    }

    /** @param modelLimits the model call's time limits and retries (tests pass short ones) */
    public static App start(Config config, Infrastructure infrastructure, StreamPolicy modelLimits) {
        return start(config, infrastructure, modelLimits, IDLE_AFTER);
    }

    /** @param idleAfter how long after the last request the instance counts as idle (tests pass a short one) */
    public static App start(Config config, Infrastructure infrastructure, StreamPolicy modelLimits, Duration idleAfter) {
        var owned = new ArrayList<>(infrastructure.owned());
        try {
            var parts = Wiring.wire(config, infrastructure, modelLimits, idleAfter, owned);
            var javalin = Javalin.create(cfg -> {
                ServerSettings.apply(cfg, parts.directEdits());
                cfg.jetty.modifyServer(server -> server.setErrorHandler(parts.errors().protocolErrors(config.isProd())));
                cfg.requestLogger.http(parts.requestLog()::write);
                parts.errors().register(cfg.routes);
                guards(cfg.routes, parts.guards());
                routes(cfg.routes, parts.handlers());
            });
            javalin.start(config.host(), config.port());
            parts.scheduler().start();
            log.info("AIde is listening on {}:{} ({}, Java {})", config.host(), javalin.port(),
                    config.environment().name().toLowerCase(), Runtime.version());
            if (!config.isProd()) {
                log.warn(DEV_MODE_LINE);
            } else {
                olderJavaLine(Runtime.version()).ifPresent(log::warn);
            }
            if (config.ai().isEmpty()) {
                // The editor tells its users only that the AI is off; how to switch it on is for the operator.
                log.info("The AI is off: set ANTHROPIC_API_KEY (or OPENAI_BASE_URL and OPENAI_MODEL) and restart to switch it on");
            }
            return new App(javalin, owned, parts.beforeStop(), parts.directEdits());
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /**
     * What runs before every route, in this order, and the one step after every answer. The guards
     * know no URL: each reads the matched route's role and policies. A WebSocket upgrade goes
     * through the same checks.
     */
    private static void guards(RoutesConfig r, Wiring.Guards g) {
        // One step before routing and one after it, not one per guard: Javalin matches every
        // step's path pattern anew, and eight matches cost an edit a fifth of its garbage.
        r.before(ctx -> {
            RequestIds.assign(ctx);
            // An uptime monitor's probes are nobody to serve: they must not keep the database awake.
            if (!ctx.path().startsWith("/health")) {
                g.activity().touch();
                g.traffic().request();
            }
            g.securityHeaders().apply(ctx);
        });
        r.beforeMatched(ctx -> {
            g.securityHeaders().applyRoute(ctx);
            g.origins().check(ctx);
            g.bodyLimits().check(ctx);
            if (!g.sessions().check(ctx)) {
                return;
            }
            g.roles().check(ctx);
            g.requestLimits().check(ctx);
            g.limitedUsers().guard(ctx);
        });
        r.after(g.bodyLimits()::readRest);
        r.wsBeforeUpgrade(g.origins()::checkUpgrade);
        r.wsBeforeUpgrade(g.sessions()::check);
        r.wsBeforeUpgrade(g.requestLimits()::check);
    }

    /**
     * The route table (docs/architecture.md). Roles: ANYONE, USER (signed in), ADMIN ({@code users.is_admin}),
     * DEV_ONLY (no real mailer). Policies: SMALL_BODY (64 KB), PHOTO_BODY (10 MB), PAUSABLE (refused while the abuse
     * check pauses the user), CSRF_EXEMPT (proves itself by signature), PAGE_CSP (a published page),
     * LOCAL_IMAGES (someone else's content shown to staff: no remote images).
     */
    private static void routes(RoutesConfig r, Wiring.Handlers h) {
        r.get("/", h.signIn()::landing, ANYONE);

        // Sign-in by magic link, and signing out (docs/security.md).
        r.get("/login", h.signIn()::loginForm, ANYONE);
        r.post("/login", h.signIn()::requestLink, ANYONE);
        r.get("/login/sent", h.signIn()::linkSent, ANYONE);
        r.get("/auth/verify", h.signIn()::verifyPage, ANYONE);
        r.post("/auth/verify", h.signIn()::verify, ANYONE);
        r.post("/logout", h.signIn()::logout, USER);

        // The dashboard and the editor: every change is refused while the user is paused.
        r.get("/aides", h.aides()::dashboard, USER);
        r.post("/aides", h.aides()::create, USER, PAUSABLE);
        r.get("/aides/{id}", h.aides()::editor, USER);
        r.get("/aides/{id}/snapshot", h.aides()::snapshot, USER);
        // Most edits are answered before Javalin, with these roles' guards (DirectEdits).
        r.post(DirectEdits.ROUTE, h.aides()::events, DirectEdits.ROLES);
        r.post("/aides/{id}/turns", h.turns()::start, USER, PAUSABLE, SMALL_BODY);
        r.get("/aides/{id}/turns/{turn}", h.turns()::show, USER);
        r.post("/aides/{id}/undo", h.aides()::undo, USER, PAUSABLE);
        r.post("/aides/{id}/redo", h.aides()::redo, USER, PAUSABLE);
        r.get("/aides/{id}/history", h.aides()::history, USER);
        r.get("/aides/{id}/history/{seq}", h.aides()::historyPoint, USER);
        r.post("/aides/{id}/history/{seq}/restore", h.aides()::restore, USER, PAUSABLE);
        r.post("/aides/{id}/rename", h.aides()::rename, USER, PAUSABLE);
        r.post("/aides/{id}/archive", h.aides()::archive, USER, PAUSABLE);
        r.post("/aides/{id}/unarchive", h.aides()::unarchive, USER, PAUSABLE);
        r.post("/aides/{id}/delete", h.aides()::delete, USER, PAUSABLE);
        r.post("/aides/{id}/publish", h.publish()::publish, USER, PAUSABLE);
        r.post("/aides/{id}/unpublish", h.publish()::unpublish, USER, PAUSABLE);
        r.post("/aides/{id}/auto-publish", h.publish()::autoPublish, USER, PAUSABLE);
        r.get("/aides/{id}/versions", h.publish()::versions, USER);
        r.get("/aides/{id}/images", h.images()::list, USER);
        r.post("/aides/{id}/images", h.images()::upload, USER, PAUSABLE, PHOTO_BODY);
        r.get("/aides/{id}/images/{image}/{file}", h.images()::file, USER);
        r.post("/aides/{id}/images/{image}/delete", h.images()::delete, USER, PAUSABLE);
        r.post("/aides/{id}/versions/{n}/restore", h.publish()::restore, USER, PAUSABLE);
        r.get("/aides/{id}/versions/{n}", h.publish()::version, USER, PAGE_CSP);
        r.post("/aides/{id}/versions/delete", h.publish()::deleteHistory, USER, PAUSABLE);
        r.wsBeforeUpgrade("/aides/{id}/live", h.live()::beforeUpgrade);
        r.ws("/aides/{id}/live", h.live()::channel, USER);
        r.get("/render/page.css", h.pageCss()::css, ANYONE);
        r.get("/static/<path>", h.assets()::serve, ANYONE);

        // Published pages, embedded default only; the CDN serves them in production.
        if (h.publicPages() != null) {
            r.get("/s/{slug}", h.publicPages()::page, ANYONE, PAGE_CSP);
            r.get("/s/{slug}/v/{n}", h.publicPages()::version, ANYONE, PAGE_CSP);
            r.get("/s/{slug}/feed.xml", h.publicPages()::feed, ANYONE, PAGE_CSP);
            r.get("/s/{slug}/img/{file}", h.publicPages()::photo, ANYONE, PAGE_CSP);
            r.get("/robots.txt", h.publicPages()::robots, ANYONE);
        }

        // The account: plan and turns, export, deletion.
        r.get("/account", h.account()::show, USER);
        r.get("/account/export", h.account()::export, USER);
        r.post("/account/delete", h.account()::delete, USER);

        // Billing: the POSTs answer 404 while billing is off; Stripe's webhook proves itself by signature.
        r.get("/billing", h.billing()::page, USER);
        r.post("/billing/checkout", h.billing()::checkout, USER);
        r.post("/billing/portal", h.billing()::portal, USER);
        r.post("/webhooks/stripe", h.billing()::webhook, ANYONE, CSRF_EXEMPT);
        r.get("/health", h.health()::live, ANYONE);
        r.get("/health/ready", h.health()::ready, ANYONE);
        // aide.jar verify --full: signs in the verify account by an HMAC of VERIFY_SECRET; 404 while unset.
        r.post("/verify/session", h.verify()::session, ANYONE, CSRF_EXEMPT, SMALL_BODY);
        // Without a real mailer only; the role guard answers 404 before the handler would run otherwise.
        r.get("/dev/outbox", ctx -> h.outbox().list(ctx), DEV_ONLY);

        // Admin break-glass: a written reason, recorded before the aide is shown read-only.
        r.get("/admin", h.admin()::dashboard, ADMIN);
        r.post("/admin/aides/{id}/open", h.admin()::open, ADMIN, LOCAL_IMAGES);
    }

    /** How many direct edits were answered on Jetty's core API rather than by Javalin (tests read it). */
    public long directEdits() {
        return directEdits.served();
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
        // Open live channels are told the server is going away (the editor reconnects by itself,
        // to this instance's successor) rather than finding their socket dropped.
        beforeStop.run();
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            // Requests still running when the graceful stop ran out: they are cut off, and
            // everything the app holds is closed all the same.
            log.warn("The web server did not stop gracefully", Redacted.of(e));
        } finally {
            closeAll(owned);
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resources.get(i).getClass().getSimpleName(), Redacted.of(e));
            }
        }
    }
}
