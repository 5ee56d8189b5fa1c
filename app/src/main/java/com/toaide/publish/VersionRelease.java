package com.toaide.publish;

import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.storage.StorageUnavailable;
import com.toaide.render.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of every publish ({@link PublishService}): uploads one version and the page,
 * then records the version, prunes the oldest beyond the plan's count, and updates the feed.
 * A failed upload is a {@code 503} that writes no version row.
 */
final class VersionRelease {
    private static final Logger log = LoggerFactory.getLogger(VersionRelease.class);

    /** Versions kept per aide (the newest); older ones leave the versions list and the bucket. */
    static final int FREE_VERSIONS = 20;
    static final int PRO_VERSIONS = 100;

    private static final String UPLOAD_FAILED = "The page could not be uploaded, so the published page still shows "
            + "the previous version. Try again in a minute.";

    private final Database db;
    private final PublishedObjects objects;
    private final BillingService billing;

    VersionRelease(Database db, PublishedObjects objects, BillingService billing) {
        this.db = db;
        this.objects = objects;
        this.billing = billing;
    }

    /**
     * Uploads the version and the page, then records the version, then updates the feed.
     * {@code seq}: the point of the log the page shows, or null when it is an old version's
     * stored page (the live point then stays the draft's, so an automatic publish waits for the
     * next change).
     */
    Published release(UUID userId, UUID aideId, SlugReservation.Target target, byte[] html, Long seq, String notes) {
        String slug = target.slug();
        int version = target.version();
        String key = PublishedObjects.versionKey(slug, version);
        try {
            // The owner's copy first: a version recorded is always one its owner can open.
            objects.keep(userId, aideId, version, html);
            objects.putVersionAndPage(slug, version, html);
        } catch (StorageUnavailable e) {
            throw new Failure.Unavailable(UPLOAD_FAILED, e.getMessage(), e);
        }
        record Recorded(String title, List<PublishedVersion> versions, boolean older) {}
        int keep = billing.plan(userId) == Plan.PRO ? PRO_VERSIONS : FREE_VERSIONS;
        var pruned = new ArrayList<PublishDao.Pruned>();
        Recorded recorded;
        try {
            recorded = db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                var aide = dao.lock(aideId).orElseThrow(Failure.NotFound::new);
                if (seq != null && aide.publishedSeq() != null && aide.publishedSeq() > seq) {
                    return new Recorded(aide.title(), dao.versions(aideId), true);
                }
                long shown = seq != null ? seq : aide.logSeq();
                dao.addVersion(aideId, version, slug, key, html.length, notes, seq);
                dao.startLive(aideId, version);
                dao.markPublished(aideId, version, target.readAt(), shown);
                // The feed lists only what visitors can open: not the versions an unpublish took down.
                int liveFrom = aide.publishedVersion() == null ? version
                        : aide.liveFromVersion() == null ? 0 : aide.liveFromVersion();
                pruned.addAll(dao.pruneVersions(aideId, keep));
                return new Recorded(aide.title(), dao.versions(aideId).stream().filter(v -> v.version() >= liveFrom).toList(), false);
            });
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e)) {
                throw new Failure.Conflict("Another publish of this page finished first. Publish again to include your changes.");
            }
            throw e;
        }
        if (recorded.older()) {
            // A publish on another instance recorded a newer point while this one uploaded: its
            // page goes back up over the older one just uploaded.
            putPageBack(slug, recorded.versions());
            throw new Failure.Conflict(PublishService.NEWER_IS_LIVE);
        }
        deleteVersions(userId, aideId, pruned);
        String feedTitle = Titles.orUntitled(recorded.title());
        try {
            objects.putFeed(slug, Feed.atom(feedTitle, objects.pageUrl(slug), recorded.versions()));
        } catch (StorageUnavailable e) {
            // The page is out; the next publish writes the feed again.
            log.warn("Feed upload failed after publishing version {}", version);
        }
        return new Published(objects.pageUrl(slug), version);
    }

    private void putPageBack(String slug, List<PublishedVersion> versions) {
        try {
            versions.stream().findFirst().flatMap(newest -> objects.get(newest.objectKey()))
                    .ifPresent(newest -> objects.putPage(slug, newest.bytes()));
        } catch (StorageUnavailable e) {
            log.warn("The newest version could not be put back as the page: {}", e.getMessage());
        }
    }

    /** The pruned versions' files (public and the owner's copy), after their rows are gone: a failure leaves a file nobody lists. */
    private void deleteVersions(UUID userId, UUID aideId, List<PublishDao.Pruned> pruned) {
        for (var version : pruned) {
            try {
                objects.delete(version.objectKey());
                objects.deleteKept(userId, aideId, version.version());
            } catch (StorageUnavailable e) {
                log.warn("An old version's file was not deleted: {}", e.getMessage());
            }
        }
    }
}
