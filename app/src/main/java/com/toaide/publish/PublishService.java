package com.toaide.publish;

import com.toaide.aides.EditService;
import com.toaide.billing.BillingService;
import com.toaide.billing.Tier;
import com.toaide.platform.db.Database;
import com.toaide.platform.storage.Blob;
import com.toaide.platform.storage.BlobStore;
import com.toaide.platform.storage.StorageUnavailable;
import com.toaide.platform.web.Problem;
import com.toaide.render.PageContext;
import com.toaide.render.Renderer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing an aide as static HTML in the published bucket (security.md, publishing).
 *
 * <p>Order of a publish: reserve the slug in the database, render, upload the version and the
 * page, and only then record the version; the feed follows. No network call runs inside a
 * transaction. A failed upload is a {@code 503} that leaves the previous version serving and
 * writes no version row.
 *
 * <p>Object layout in the bucket: {@code {slug}/index.html} (the page), {@code {slug}/v/{n}/index.html}
 * (every version, immutable), {@code {slug}/feed.xml} (the Atom feed).
 */
public final class PublishService {
    private static final Logger log = LoggerFactory.getLogger(PublishService.class);

    static final String VERSION_CACHE = "public, max-age=31536000, immutable";
    static final String PAGE_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";
    static final String HTML = "text/html; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    private static final int SLUG_ATTEMPTS = 8;
    private static final String UPLOAD_FAILED = "The page could not be uploaded, so the published page still shows "
            + "the previous version. Try again in a minute.";
    /** An upload younger than this may belong to a publish in progress: the sweep leaves it. */
    static final Duration SWEEP_GRACE = Duration.ofHours(1);

    private final Database db;
    private final BlobStore storage;
    private final String bucket;
    private final EditService edits;
    private final Renderer renderer;
    private final BillingService billing;
    private final String publicUrl;
    private final String landingUrl;
    private final Clock clock;
    private final RandomGenerator random;
    // Publishes of one aide take turns on this instance (their slug, version number and uploads);
    // across instances the version's primary key refuses the second of two racing publishes.
    private final Object[] locks = new Object[64];

    public PublishService(Database db, BlobStore storage, String bucket, EditService edits, Renderer renderer,
                          BillingService billing, URI publicUrl, URI editorUrl, Clock clock, RandomGenerator random) {
        this.db = db;
        this.storage = storage;
        this.bucket = bucket;
        this.edits = edits;
        this.renderer = renderer;
        this.billing = billing;
        this.publicUrl = strip(publicUrl.toString());
        this.landingUrl = strip(editorUrl.toString()) + "/";
        this.clock = clock;
        this.random = random;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The aide's publishing state for the editor and the versions page. */
    public record Status(String slug, String url, boolean published, boolean autoPublish, List<PublishedVersion> versions) {}

    /**
     * Publishes the aide's current page as a new version. {@code requestedSlug} (Pro only) is the
     * address the user chose; without it the aide keeps its slug or gets a random one.
     */
    public Published publish(UUID userId, UUID aideId, Optional<String> requestedSlug) {
        Tier tier = billing.tier(userId);
        Optional<String> chosen = requestedSlug.map(String::strip).filter(s -> !s.isEmpty());
        if (chosen.isPresent() && tier != Tier.PRO) {
            throw new Problem(403, "Choosing the address is part of Pro. Free pages get a random address.");
        }
        synchronized (lock(aideId)) {
            var target = reserve(userId, aideId, chosen.map(Slugs::chosen));
            String slug = target.slug();
            var context = new PageContext(pageUrl(slug), pageUrl(slug) + "/feed.xml", landingUrl,
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    tier == Tier.PRO ? PageContext.Tier.PRO : PageContext.Tier.FREE);
            byte[] html = edits.read(userId, aideId, (snapshot, version) ->
                    renderer.document(snapshot, context).getBytes(StandardCharsets.UTF_8));
            return release(userId, aideId, target, html, null);
        }
    }

    /** Publishes an earlier version's page again, as the new latest version. */
    public Published restore(UUID userId, UUID aideId, int version) {
        synchronized (lock(aideId)) {
            var state = db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                var aide = dao.find(aideId).orElseThrow(Problem::notFound);
                var old = dao.versions(aideId).stream().filter(v -> v.version() == version).findFirst()
                        .orElseThrow(Problem::notFound);
                return Map.entry(new Target(aide.slug(), dao.lastVersion(aideId) + 1, dao.now()), old);
            });
            byte[] html = storage.get(bucket, state.getValue().objectKey()).map(Blob::bytes)
                    .orElseThrow(() -> new Problem(410, "Version " + version + " is no longer stored."));
            return release(userId, aideId, state.getKey(), html, "Restored version " + version + ".");
        }
    }

    /** Removes every public object of the aide; its slug stays reserved to it. */
    public void unpublish(UUID userId, UUID aideId) {
        synchronized (lock(aideId)) {
            var aide = db.asUser(userId, handle -> handle.attach(PublishDao.class).find(aideId)).orElseThrow(Problem::notFound);
            if (aide.slug() != null) {
                deleteObjects(aide.slug());
            }
            db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                dao.deleteVersions(aideId);
                return dao.markUnpublished(aideId);
            });
        }
    }

    /** "Keep the published page up to date" on or off. */
    public void autoPublish(UUID userId, UUID aideId, boolean on) {
        int rows = db.asUser(userId, handle -> handle.attach(PublishDao.class).setAutoPublish(aideId, on));
        if (rows == 0) {
            throw Problem.notFound();
        }
    }

    public Status status(UUID userId, UUID aideId) {
        return db.asUser(userId, handle -> {
            var dao = handle.attach(PublishDao.class);
            var aide = dao.find(aideId).orElseThrow(Problem::notFound);
            return new Status(aide.slug(), aide.slug() == null ? null : pageUrl(aide.slug()),
                    aide.publishedVersion() != null, aide.autoPublish(), dao.versions(aideId));
        });
    }

    /**
     * Before an aide is deleted ({@code AideService}'s hook): removes its public objects. Throws
     * {@link StorageUnavailable} when storage is down, so the aide is kept and the user told.
     */
    public void beforeAideDelete(UUID userId, UUID aideId) {
        synchronized (lock(aideId)) {
            db.asUser(userId, handle -> handle.attach(PublishDao.class).find(aideId))
                    .map(PublishDao.AideRow::slug)
                    .ifPresent(this::deleteObjects);
        }
    }

    /** Before an account is deleted ({@code AccountCleanup}): removes the public objects of all its aides. */
    public void beforeAccountDelete(UUID userId) {
        db.asUser(userId, handle -> handle.attach(PublishDao.class).slugs()).forEach(this::deleteObjects);
    }

    /**
     * Deletes the objects under every slug that no aide holds as published: left by a deleted
     * account or aide whose cleanup did not finish, or by a failed first publish. Objects younger
     * than {@link #SWEEP_GRACE} are left alone (a publish may be uploading them right now).
     * Safe to run on several instances at once. Returns the slugs it emptied.
     *
     * <p>For the scheduler: {@code scheduler.scheduleWithFixedDelay(publishService::sweepOrphans, 1, 24, HOURS)},
     * catching {@link StorageUnavailable} (try again next time).
     */
    public List<String> sweepOrphans() {
        Map<String, List<String>> bySlug = new LinkedHashMap<>();
        for (String key : storage.list(bucket, "")) {
            int slash = key.indexOf('/');
            if (slash > 0) {
                bySlug.computeIfAbsent(key.substring(0, slash), s -> new ArrayList<>()).add(key);
            }
        }
        if (bySlug.isEmpty()) {
            return List.of();
        }
        Set<String> live = Set.copyOf(db.asSystem(handle -> handle.attach(PublishDao.class)
                .publishedAmong(bySlug.keySet().toArray(String[]::new))));
        Instant cutoff = clock.instant().minus(SWEEP_GRACE);
        var emptied = new ArrayList<String>();
        bySlug.forEach((slug, keys) -> {
            if (live.contains(slug)) {
                return;
            }
            boolean recent = keys.stream().map(key -> storage.head(bucket, key))
                    .anyMatch(info -> info.isPresent() && info.get().lastModified().isAfter(cutoff));
            if (!recent) {
                storage.deleteAll(bucket, slug + "/");
                emptied.add(slug);
            }
        });
        if (!emptied.isEmpty()) {
            log.info("Orphan sweep removed the objects of {} slugs", emptied.size());
        }
        return emptied;
    }

    /**
     * The automatic publish of one aide after a change (system path: the owner comes from the
     * row). Returns how long to wait before asking again when the aide's quiet interval is still
     * running, or empty when there is nothing (more) to do.
     */
    Optional<Duration> autoPublishNow(UUID aideId, Duration interval) {
        var claim = db.asSystem(handle -> {
            var dao = handle.attach(PublishDao.class);
            var state = dao.lockForAutoPublish(aideId, interval.toSeconds()).orElse(null);
            if (state == null || !state.wanted()) {
                return Optional.<Object>empty();
            }
            if (state.waitSeconds() > 0) {
                return Optional.<Object>of(Duration.ofMillis((long) Math.ceil(state.waitSeconds() * 1000)));
            }
            dao.claimAutoPublish(aideId);
            return Optional.<Object>of(state);
        });
        if (claim.isEmpty() || claim.get() instanceof Duration) {
            return claim.map(Duration.class::cast);
        }
        var state = (PublishDao.AutoState) claim.get();
        try {
            publish(state.userId(), aideId, Optional.empty());
        } catch (RuntimeException e) {
            // Give the claim back so the next change (or instance) tries again.
            db.asSystem(handle -> {
                handle.attach(PublishDao.class).restorePublishedAt(aideId, state.publishedAt());
                return null;
            });
            log.warn("Automatic publish of an aide failed: {}", e.getMessage());
        }
        return Optional.empty();
    }

    /** The object's bytes and headers for the embedded default's {@code /s/...} routes. */
    public Optional<Blob> object(String key) {
        return storage.get(bucket, key);
    }

    String pageUrl(String slug) {
        return publicUrl + "/s/" + slug;
    }

    static String pageKey(String slug) {
        return slug + "/index.html";
    }

    static String versionKey(String slug, int version) {
        return slug + "/v/" + version + "/index.html";
    }

    static String feedKey(String slug) {
        return slug + "/feed.xml";
    }

    /**
     * Where a publish goes: the slug, the version number, and when the snapshot was read
     * ({@code readAt}, the database's clock, taken before the read so a change after it still
     * counts as unpublished).
     */
    private record Target(String slug, int version, Instant readAt) {}

    /** The aide's slug: the one it holds, else {@code chosen}, else a random one; reserved before any upload. */
    private Target reserve(UUID userId, UUID aideId, Optional<String> chosen) {
        record State(PublishDao.AideRow aide, int last, Instant now) {}
        var state = db.asUser(userId, handle -> {
            var dao = handle.attach(PublishDao.class);
            var aide = dao.find(aideId).orElseThrow(Problem::notFound);
            return new State(aide, dao.lastVersion(aideId), dao.now());
        });
        String held = state.aide().slug();
        if (held != null) {
            if (chosen.isPresent() && !chosen.get().equals(held)) {
                throw new Problem(409, "This page already lives at /s/" + held
                        + ". Its address stays the same so shared links keep working.");
            }
            return new Target(held, state.last() + 1, state.now());
        }
        // A slug this user held before (on an aide since deleted) continues its numbering.
        if (chosen.isPresent()) {
            if (!tryReserve(userId, aideId, chosen.get())) {
                throw new Problem(409, "The address \"" + chosen.get() + "\" is taken. Choose another.");
            }
            return new Target(chosen.get(), lastVersion(userId, aideId) + 1, state.now());
        }
        for (int attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
            String slug = Slugs.random(random);
            if (tryReserve(userId, aideId, slug)) {
                return new Target(slug, lastVersion(userId, aideId) + 1, state.now());
            }
        }
        throw new Problem(503, "No free address was found for this page. Try again.", null,
                "no free random slug after " + SLUG_ATTEMPTS + " attempts", null);
    }

    private int lastVersion(UUID userId, UUID aideId) {
        return db.asUser(userId, handle -> handle.attach(PublishDao.class).lastVersion(aideId));
    }

    /** True when the slug is now this aide's; false when another aide or another user holds it. */
    private boolean tryReserve(UUID userId, UUID aideId, String slug) {
        try {
            return db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                var aide = dao.lock(aideId).orElseThrow(Problem::notFound);
                if (aide.slug() != null) {
                    // Another request reserved one meanwhile: that one stays.
                    return aide.slug().equals(slug);
                }
                return dao.claim(slug) && dao.reserve(aideId, slug) == 1;
            });
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }


    /** Uploads the version and the page, then records the version, then updates the feed. */
    private Published release(UUID userId, UUID aideId, Target target, byte[] html, String notes) {
        String slug = target.slug();
        int version = target.version();
        String key = versionKey(slug, version);
        try {
            storage.put(bucket, key, html, HTML, VERSION_CACHE);
            storage.put(bucket, pageKey(slug), html, HTML, PAGE_CACHE);
        } catch (StorageUnavailable e) {
            throw new Problem(503, UPLOAD_FAILED, null, e.getMessage(), e);
        }
        record Recorded(String title, List<PublishedVersion> versions) {}
        Recorded recorded;
        try {
            recorded = db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                var aide = dao.lock(aideId).orElseThrow(Problem::notFound);
                String lines = notes != null ? notes : String.join("\n", dao.voiceSinceLastVersion(aideId));
                dao.addVersion(aideId, version, slug, key, html.length, lines);
                dao.markPublished(aideId, version, target.readAt());
                return new Recorded(aide.title(), dao.versions(aideId));
            });
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e)) {
                throw new Problem(409, "Another publish of this page finished first. Publish again to include your changes.");
            }
            throw e;
        }
        String feedTitle = recorded.title().isBlank() ? "Untitled page" : recorded.title();
        try {
            storage.put(bucket, feedKey(slug), Feed.atom(feedTitle, pageUrl(slug), recorded.versions())
                    .getBytes(StandardCharsets.UTF_8), ATOM, PAGE_CACHE);
        } catch (StorageUnavailable e) {
            // The page is out; the next publish writes the feed again.
            log.warn("Feed upload failed after publishing version {}: {}", version, e.getMessage());
        }
        return new Published(pageUrl(slug), version);
    }

    private void deleteObjects(String slug) {
        try {
            storage.deleteAll(bucket, slug + "/");
        } catch (StorageUnavailable e) {
            throw new Problem(503, "The published page could not be removed because file storage is not answering. "
                    + "Nothing changed; try again in a minute.", null, e.getMessage(), e);
        }
    }

    private Object lock(UUID aideId) {
        return locks[Math.floorMod(aideId.hashCode(), locks.length)];
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
