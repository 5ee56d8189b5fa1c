package com.toaide.publish;

import com.toaide.aides.EditHistory;
import com.toaide.aides.EditService;
import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import com.toaide.images.AidePhotos;
import com.toaide.images.ImageService;
import com.toaide.images.StoredImage;
import com.toaide.platform.db.Database;
import com.toaide.platform.storage.Blob;
import com.toaide.platform.storage.StorageUnavailable;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.render.PageContext;
import com.toaide.render.Renderer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Publishing an aide as static HTML in the published bucket (docs/publishing.md): publish,
 * restore, unpublish, the auto-publish switch, and removing an aide's pages before it or its
 * account is deleted.
 *
 * <p>Order of a publish: reserve the slug in the database ({@link SlugReservation}), render,
 * upload the version and the page ({@link PublishedObjects}), and only then record the version;
 * the feed follows. No network call runs inside a transaction. A failed upload is a {@code 503}
 * that leaves the previous version serving and writes no version row.
 */
public final class PublishService {
    private static final String NOTHING_TO_PUBLISH = "There is nothing on this page yet, so there is nothing to publish. "
            + "Add something first.";
    /**
     * Publishes per account an hour, automatic ones and restores included: each stores a copy of
     * the page, so this bounds what one account can make the bucket hold and the edge purge.
     */
    static final RateLimiter.Limit PUBLISHES = new RateLimiter.Limit("publish:user", 60, Duration.ofHours(1));

    private final Database db;
    private final PublishedObjects objects;
    private final ImageService images;
    private final SlugReservation slugs;
    private final VersionRelease release;
    private final PageTakedown takedown;
    static final String NEWER_IS_LIVE = "A newer version of this page was published meanwhile, so this one was not.";

    private final EditService edits;
    private final EditHistory past;
    private final Renderer renderer;
    private final BillingService billing;
    private final RateLimiter limiter;
    private final String landingUrl;
    private final Clock clock;
    // Publishes of one aide take turns on this instance (their slug, version number and uploads);
    // across instances the version's primary key refuses the second of two racing publishes.
    private final Object[] locks = new Object[64];

    public PublishService(Database db, PublishedObjects objects, EditService edits, EditHistory past, Renderer renderer,
                          BillingService billing, ImageService images, RateLimiter limiter, URI editorUrl, Clock clock,
                          RandomGenerator random) {
        this.db = db;
        this.images = images;
        this.objects = objects;
        this.slugs = new SlugReservation(db, random);
        this.release = new VersionRelease(db, objects, billing);
        this.takedown = new PageTakedown(db, objects);
        this.edits = edits;
        this.past = past;
        this.renderer = renderer;
        this.billing = billing;
        this.limiter = limiter;
        String editor = editorUrl.toString();
        this.landingUrl = editor.endsWith("/") ? editor : editor + "/";
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * The aide's publishing state for the editor and the versions page: {@code publishedSeq} is
     * the point of the log the live page shows (null: unknown), {@code sequence} the draft's,
     * {@code liveFrom} the first version of the page's current time on its public address.
     */
    public record Status(String slug, String url, boolean published, boolean autoPublish, List<PublishedVersion> versions,
                         Long publishedSeq, long sequence, int liveFrom) {
        /** Whether visitors can open this version at its public address (else only its owner can). */
        public boolean isPublic(PublishedVersion version) {
            return published && version.version() >= liveFrom;
        }
    }

    /**
     * Publishes the aide's current page as a new version, noted with what changed since the last
     * one. {@code requestedSlug} (Pro only) is the address the user chose; without it the aide
     * keeps its slug or gets a random one.
     */
    public Published publish(UUID userId, UUID aideId, Optional<String> requestedSlug) {
        return publish(userId, aideId, requestedSlug, null, false);
    }

    /**
     * The automatic publish: the current draft, only if it is newer than the live page (a
     * publish that finished meanwhile, such as a restore, may already show it). Empty when not.
     */
    public Optional<Published> publishNewer(UUID userId, UUID aideId) {
        return Optional.ofNullable(publish(userId, aideId, Optional.empty(), null, true));
    }

    /**
     * {@code note}: the version's note, or null for the change notes since the last publish;
     * {@code onlyNewer}: returns null instead of publishing the live point again.
     */
    private Published publish(UUID userId, UUID aideId, Optional<String> requestedSlug, String note, boolean onlyNewer) {
        Plan plan = billing.plan(userId);
        Optional<String> chosen = requestedSlug.map(String::strip).filter(s -> !s.isEmpty());
        if (chosen.isPresent() && plan != Plan.PRO) {
            throw new Failure.NotAllowed("Choosing the address is part of Pro. Free pages get a random address.");
        }
        countPublish(userId);
        synchronized (lock(aideId)) {
            // Before a slug is reserved: an empty page gets no address.
            if (edits.read(userId, aideId, (snapshot, version) -> renderer.publishesNothing(snapshot))) {
                throw new Failure.Invalid(NOTHING_TO_PUBLISH);
            }
            var target = slugs.reserve(userId, aideId, chosen.map(Slugs::chosen));
            String slug = target.slug();
            var photos = images.publishedPhotos(userId, aideId, objects.pageUrl(slug));
            var context = new PageContext(objects.pageUrl(slug), objects.pageUrl(slug) + "/feed.xml", landingUrl,
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    plan == Plan.PRO ? PageContext.Credit.HIDDEN : PageContext.Credit.SHOWN, photos);
            record Draft(byte[] html, long seq) {}
            var draft = edits.read(userId, aideId, (snapshot, seq) ->
                    new Draft(renderer.document(snapshot, context).getBytes(StandardCharsets.UTF_8), seq));
            Long live = db.asUser(userId, handle -> handle.attach(PublishDao.class).find(aideId))
                    .orElseThrow(Failure.NotFound::new).publishedSeq();
            if (live != null && live > draft.seq()) {
                // Another instance published a newer point meanwhile: never put an older one back.
                throw new Failure.Conflict(NEWER_IS_LIVE);
            }
            if (onlyNewer && live != null && live == draft.seq()) {
                return null;
            }
            // The photos the page shows go up before the page that points at them.
            for (StoredImage image : photos.shown()) {
                for (StoredImage.Size size : image.sizes()) {
                    objects.putPhoto(slug, AidePhotos.publishedName(size), size.contentType(), () -> images.bytes(image, size));
                }
            }
            String notes = note != null ? note : versionNote(userId, aideId, live, draft.seq());
            return release.release(userId, aideId, target, draft.html(), draft.seq(), notes);
        }
    }

    /** What changed since the live point, in the words of History; never empty (the feed shows it). */
    private String versionNote(UUID userId, UUID aideId, Long live, long seq) {
        String changes = past.notesBetween(userId, aideId, live == null ? 0 : live, seq);
        if (!changes.isEmpty()) {
            return changes;
        }
        return live == null ? "First version." : "Published again with no changes.";
    }

    /**
     * Makes an earlier version the live page again: the draft goes back to that version's point
     * of the log (one batch, undoable in the editor; nothing is deleted) and is published as the
     * new latest version, so the next edit, or an automatic publish, builds on the restored page.
     * A version published before the log point was kept is published again as it was stored.
     */
    public Published restore(UUID userId, UUID aideId, int version) {
        synchronized (lock(aideId)) {
            var old = db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                dao.find(aideId).orElseThrow(Failure.NotFound::new);
                return dao.versions(aideId).stream().filter(v -> v.version() == version).findFirst()
                        .orElseThrow(Failure.NotFound::new);
            });
            String note = "Restored version " + version + ".";
            if (old.logSeq() == null) {
                return republish(userId, aideId, old, note);
            }
            try {
                edits.restore(userId, aideId, old.logSeq());
            } catch (Failure.Conflict alreadyThere) {
                // The draft already shows that version: publishing it is all that is left.
            }
            return publish(userId, aideId, Optional.empty(), note, false);
        }
    }

    private Published republish(UUID userId, UUID aideId, PublishedVersion old, String note) {
        countPublish(userId);
        var target = db.asUser(userId, handle -> {
            var dao = handle.attach(PublishDao.class);
            var aide = dao.find(aideId).orElseThrow(Failure.NotFound::new);
            return new SlugReservation.Target(aide.slug(), dao.lastVersion(aideId) + 1, dao.now());
        });
        byte[] html = stored(userId, aideId, old)
                .orElseThrow(() -> new Failure.Gone("Version " + old.version() + " is no longer stored."));
        return release.release(userId, aideId, target, html, null, note);
    }

    /** A version's page for its owner: their kept copy, or the public object of a version published before copies were kept. */
    public byte[] version(UUID userId, UUID aideId, int version) {
        var found = db.asUser(userId, handle -> handle.attach(PublishDao.class).versions(aideId)).stream()
                .filter(v -> v.version() == version).findFirst().orElseThrow(Failure.NotFound::new);
        return stored(userId, aideId, found)
                .orElseThrow(() -> new Failure.Gone("Version " + version + " is no longer stored."));
    }

    private Optional<byte[]> stored(UUID userId, UUID aideId, PublishedVersion version) {
        try {
            return objects.kept(userId, aideId, version.version()).or(() -> objects.get(version.objectKey())).map(Blob::bytes);
        } catch (StorageUnavailable e) {
            throw new Failure.Unavailable("File storage is not answering. Try again in a minute.", e.getMessage(), e);
        }
    }

    /** "Keep the published page up to date" on or off. */
    public void autoPublish(UUID userId, UUID aideId, boolean on) {
        int rows = db.asUser(userId, handle -> handle.attach(PublishDao.class).setAutoPublish(aideId, on));
        if (rows == 0) {
            throw new Failure.NotFound();
        }
    }

    public Status status(UUID userId, UUID aideId) {
        return db.asUser(userId, handle -> {
            var dao = handle.attach(PublishDao.class);
            var aide = dao.find(aideId).orElseThrow(Failure.NotFound::new);
            return new Status(aide.slug(), aide.slug() == null ? null : objects.pageUrl(aide.slug()),
                    aide.publishedVersion() != null, aide.autoPublish(), dao.versions(aideId), aide.publishedSeq(), aide.logSeq(),
                    aide.liveFromVersion() == null ? 0 : aide.liveFromVersion());
        });
    }

    /**
     * Takes the aide off its public address ({@link PageTakedown#unpublish}): its versions stay,
     * kept for the owner, and its slug stays reserved to it.
     */
    public void unpublish(UUID userId, UUID aideId) {
        synchronized (lock(aideId)) {
            takedown.unpublish(userId, aideId);
        }
    }

    /** Deletes the published history of an unpublished aide ({@link PageTakedown#deleteHistory}). */
    public void deleteHistory(UUID userId, UUID aideId) {
        synchronized (lock(aideId)) {
            takedown.deleteHistory(userId, aideId);
        }
    }

    /** Before an aide is deleted ({@code AideService}'s hook): see {@link PageTakedown#beforeAideDelete}. */
    public void beforeAideDelete(UUID userId, UUID aideId) {
        synchronized (lock(aideId)) {
            takedown.beforeAideDelete(userId, aideId);
        }
    }

    /** Before an account is deleted ({@code AccountCleanup}): removes the public objects of all its aides. */
    public void beforeAccountDelete(UUID userId) {
        takedown.beforeAccountDelete(userId);
    }

    private void countPublish(UUID userId) {
        limiter.enforce(PUBLISHES, userId.toString(), "This account has published " + PUBLISHES.max()
                + " times in the last hour, the most an hour allows. Your changes are kept.");
    }

    private Object lock(UUID aideId) {
        return locks[Math.floorMod(aideId.hashCode(), locks.length)];
    }
}
