package com.toaide;

import com.toaide.ai.PriceTable;
import com.toaide.ai.Prompts;
import com.toaide.ai.StreamPolicy;
import com.toaide.ai.TurnRoutes;
import com.toaide.ai.TurnService;
import com.toaide.aides.AideRoutes;
import com.toaide.aides.AideService;
import com.toaide.aides.EditHistory;
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
import com.toaide.auth.VerifyRoutes;
import com.toaide.auth.VerifySignIn;
import com.toaide.billing.BillingRoutes;
import com.toaide.billing.BillingService;
import com.toaide.billing.PaymentProvider;
import com.toaide.billing.StripePayments;
import com.toaide.images.ImageProcessor;
import com.toaide.images.ImageRoutes;
import com.toaide.images.ImageService;
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
import com.toaide.ops.TrafficSpikes;
import com.toaide.platform.db.Activity;
import com.toaide.platform.db.ChangeListener;
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
import com.toaide.platform.web.BodyLimits;
import com.toaide.platform.limits.BufferedRateLimiter;
import com.toaide.platform.web.ClientIp;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.OriginGuard;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.platform.web.RequestLimits;
import com.toaide.platform.web.RequestLog;
import com.toaide.platform.web.RoleGuard;
import com.toaide.platform.web.SecurityHeaders;
import com.toaide.platform.web.Views;
import com.toaide.publish.AutoPublisher;
import com.toaide.publish.CloudflarePurge;
import com.toaide.publish.EdgeCache;
import com.toaide.publish.NotFoundPage;
import com.toaide.publish.OrphanSweep;
import com.toaide.publish.PublicPages;
import com.toaide.publish.PublishRoutes;
import com.toaide.publish.PublishService;
import com.toaide.publish.PublishedObjects;
import com.toaide.render.Renderer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every part of the app by hand (constructor injection, no container) and hands App
 * what its route table needs: the guards that read the routes' markers and the handlers.
 * Everything that must be closed goes into {@code owned}, in the order it was made.
 */
final class Wiring {
    private static final Logger log = LoggerFactory.getLogger(Wiring.class);
    private static final long READINESS_BUDGET_MILLIS = 1_500;
    private static final Duration SCHEDULER_TICK = Duration.ofSeconds(5);

    /** The steps every request goes through, in the order App runs them. */
    record Guards(Activity activity, TrafficSpikes traffic, SecurityHeaders securityHeaders, OriginGuard origins, BodyLimits bodyLimits, SessionGuard sessions,
                  RoleGuard roles, RequestLimits requestLimits, LimitedUsers limitedUsers) {}

    /** The route classes; {@code publicPages} and {@code outbox} are null where the app does not serve them. */
    record Handlers(SignInRoutes signIn, AideRoutes aides, TurnRoutes turns, LiveRoutes live, PublishRoutes publish,
                    PublicPages publicPages, AccountRoutes account, BillingRoutes billing, HealthRoutes health,
                    AdminRoutes admin, OutboxRoutes outbox, PageCssRoute pageCss, Assets assets, ImageRoutes images,
                    VerifyRoutes verify) {}

    /**
     * @param directEdits the edit route on Jetty's core API, in front of Javalin
     * @param beforeStop what must happen before the server stops taking requests (live channels told to go)
     */
    record Parts(Errors errors, Guards guards, Handlers handlers, RequestLog requestLog, DirectEdits directEdits,
                 Scheduler scheduler, Runnable beforeStop) {}

    private Wiring() {}

    static Parts wire(Config config, App.Infrastructure infrastructure, StreamPolicy modelLimits, Duration idleAfter,
                      List<AutoCloseable> owned) {
        Clock clock = Clock.systemUTC();
        var db = Database.connect(infrastructure.database(), 10);
        owned.add(db);
        var activity = new Activity(clock, idleAfter);
        var storage = S3BlobStore.connect(infrastructure.storage().endpoint(),
                infrastructure.storage().accessKey(), infrastructure.storage().secretKey());
        owned.add(storage);
        EdgeCache edge = EdgeCache.NONE;
        if (config.edgeCache().isPresent()) {
            var cloudflare = config.edgeCache().get();
            var purge = new CloudflarePurge(cloudflare.apiBase(), cloudflare.zoneId(), cloudflare.apiToken());
            owned.add(purge);
            edge = purge;
        }
        var publishedObjects = new PublishedObjects(storage, config.publishedBucket(), config.workspaceBucket(),
                config.publicUrl(), edge);
        byte[] notFound = NotFoundPage.html(config.editorUrl().toString());
        ensureBuckets(storage, config, publishedObjects, notFound);
        // Starts the Sentry client every path reports through (FailureReporter); closed last but the pools.
        owned.add(new ErrorReporter(config.sentryDsn(), config.environment().name().toLowerCase(), "aide"));

        var views = new Views();
        var assets = new Assets();
        var errors = new Errors(views, assets);
        var sessions = new SessionService(db, config.jwtSecret(), clock);
        var sessionGuard = new SessionGuard(sessions, config.isProd());
        // What this instance hears from every instance (its own included), over one LISTEN connection started below.
        var channels = new ArrayList<ChangeListener.Channel>();
        channels.add(new ChangeListener.Channel(SessionService.REVOKED_CHANNEL, sessions::onRevoked, sessions::forgetAll));

        Map<String, Readiness.Check> checks = new LinkedHashMap<>();
        checks.put("database", db::check);
        checks.put("storage", () -> storage.check(config.publishedBucket()));
        var readiness = new Readiness(checks, READINESS_BUDGET_MILLIS);
        owned.add(readiness);

        // Without a real mailer, emails land in the dev outbox (never in prod: Config requires Resend there).
        var devOutbox = config.email().isEmpty() ? new DevOutbox(db) : null;
        EmailSender mailer = devOutbox != null ? devOutbox
                : new ResendEmailSender(config.email().get().resendApiKey(), config.email().get().from());
        var clientIp = new ClientIp(config.trustedProxies());
        var rateLimiter = new RateLimiter(db, clock);
        Alerts alerts = config.slackWebhook().<Alerts>map(SlackAlerts::new).orElseGet(Alerts::logOnly);
        var traffic = new TrafficSpikes(clock, alerts);
        owned.add(traffic);
        var magicLinks = new MagicLinkService(db, mailer, rateLimiter, sessions, config.editorUrl(), traffic::signUp);
        var signIn = new SignInRoutes(views, assets, magicLinks, sessions, sessionGuard, clientIp);
        var billingService = new BillingService(db, config.billing().map(Wiring::payments), config.editorUrl());
        var renderer = new Renderer();
        var edits = new EditService(db, clock);
        var past = new EditHistory(db, edits);
        var imageService = new ImageService(db, storage, config.workspaceBucket(), billingService, new ImageProcessor(), clock);
        var publishService = new PublishService(db, publishedObjects, edits, past, renderer, billingService, imageService,
                rateLimiter, config.editorUrl(), clock, new SecureRandom());
        // Before an account is deleted, its subscription is cancelled (first: a failure keeps everything),
        // its public pages and photos go and its sessions end on every instance.
        var account = new AccountRoutes(new AccountService(db, billingService,
                List.of(billingService::beforeAccountDelete, publishService::beforeAccountDelete, imageService::beforeAccountDelete, sessions::endAll),
                clock), billingService, sessionGuard, views, assets, imageService::usedLine);
        var aideService = new AideService(db, billingService, (user, aide) -> {
            publishService.beforeAideDelete(user, aide);
            imageService.beforeAideDelete(user, aide);
        });
        var turnService = new TurnService(db, edits, imageService, billingService, config.ai(), modelLimits,
                Prompts.load(), PriceTable.standard(), clock);
        owned.add(turnService);
        var pageCss = new PageCssRoute(renderer);
        var aides = new AideRoutes(aideService, edits, past, views, assets, renderer, pageCss.url(),
                config.publicUrl().toString(), config.ai().isPresent(), turnService::chat, imageService::editorPhotos);
        var hub = new LiveHub(edits, renderer, imageService::editorPhotos);
        owned.add(hub);
        activity.keepAwakeWhile(hub::hasTabs);
        channels.add(new ChangeListener.Channel("aide_changes", hub::onNotice, hub::resync));
        sessions.onEnded(hub::closeEnded);
        var autoPublisher = new AutoPublisher(db, publishService, config.autoPublish().quiet(), config.autoPublish().gap());
        owned.add(autoPublisher);
        // Nothing to resync: an auto-publish notice lost in a gap is published with the aide's next
        // change, and a Stop lost in one lets its turn run to its end.
        channels.add(new ChangeListener.Channel(EditService.AUTO_PUBLISH_CHANNEL, autoPublisher::onNotice, () -> { }));
        channels.add(new ChangeListener.Channel(TurnService.INTERRUPTS, turnService::onInterrupt, () -> { }));
        owned.add(new ChangeListener(infrastructure.listenDatabase(), activity, channels).start());

        // Operations (docs/operations.md): limits, break-glass, background jobs.
        var requestCounters = new BufferedRateLimiter(db, clock).start();
        owned.add(requestCounters);
        var limitedUsers = new LimitedUsers(db, clock, activity).start();
        owned.add(limitedUsers);
        var breakGlass = new BreakGlass(db, renderer, alerts);
        var scheduler = new Scheduler(db, clock, SCHEDULER_TICK, activity)
                .register(new AbuseCheck(db, rateLimiter, alerts, clock))
                .register(new Cleanup(db, clock))
                // Public objects no published aide points to (docs/publishing.md).
                .register(Job.of("publish-orphan-sweep", Duration.ofHours(1), new OrphanSweep(db, publishedObjects, clock)::sweep))
                .register(Job.of("image-orphan-sweep", Duration.ofHours(1), () -> imageService.sweepOrphans()));
        owned.add(scheduler);

        var guards = new Guards(activity, traffic, new SecurityHeaders(config.isProd()), new OriginGuard(config.editorUrl()), new BodyLimits(),
                sessionGuard, new RoleGuard(breakGlass::isAdmin, devOutbox != null),
                new RequestLimits(requestCounters, clientIp), limitedUsers);
        var handlers = new Handlers(signIn, aides, new TurnRoutes(turnService),
                new LiveRoutes(hub, sessions, aideService, turnService::interrupt),
                new PublishRoutes(publishService, billingService, views, assets),
                // In production the CDN serves /s/ from the bucket; the app serves it only on its embedded default.
                config.storage().isEmpty() ? new PublicPages(publishedObjects, notFound) : null,
                account, new BillingRoutes(billingService, views, assets), new HealthRoutes(readiness),
                new AdminRoutes(breakGlass, views, assets, pageCss.url()),
                devOutbox == null ? null : new OutboxRoutes(devOutbox, views, assets), pageCss, assets,
                new ImageRoutes(imageService),
                new VerifyRoutes(new VerifySignIn(config.verifySecret(), db, sessions, config.editorUrl().getHost(), clock), sessionGuard));
        var requestLog = new RequestLog();
        var directEdits = new DirectEdits(guards, sessions, clientIp, aides, errors, requestLog);
        return new Parts(errors, guards, handlers, requestLog, directEdits, scheduler, hub::goingAway);
    }

    private static PaymentProvider payments(Config.Billing billing) {
        return new StripePayments(billing.secretKey(), billing.webhookSecret(), billing.priceId(), billing.apiBase());
    }

    /** Buckets are created on start when missing, and robots.txt written; an outage here is reported by readiness, not fatal. */
    private static void ensureBuckets(BlobStore storage, Config config, PublishedObjects published, byte[] notFound) {
        try {
            storage.ensureBucket(config.workspaceBucket());
            storage.ensureBucket(config.publishedBucket());
            published.putRobots();
            published.putNotFound(notFound);
        } catch (StorageUnavailable e) {
            log.warn("Object storage unavailable at start: {}", e.getMessage());
        }
    }
}
