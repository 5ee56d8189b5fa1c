package com.toaide.publish;

import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.storage.StorageUnavailable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Taking published pages down ({@link PublishService} holds the aide's lock around each):
 * unpublishing, deleting a page's published history, and removing public objects before an aide
 * or an account is deleted. The owner's copies of versions are kept unless the history is deleted.
 */
final class PageTakedown {
    private final Database db;
    private final PublishedObjects objects;

    PageTakedown(Database db, PublishedObjects objects) {
        this.db = db;
        this.objects = objects;
    }

    /**
     * Takes the aide off its public address: every public object goes; its versions stay, kept
     * for the owner in the private bucket, and its slug stays reserved to it. Publishing again
     * continues the numbering.
     */
    void unpublish(UUID userId, UUID aideId) {
        var state = db.asUser(userId, handle -> {
            var dao = handle.attach(PublishDao.class);
            var aide = dao.find(aideId).orElseThrow(Failure.NotFound::new);
            return Map.entry(aide, dao.versions(aideId));
        });
        if (state.getKey().slug() != null) {
            keepMissing(userId, aideId, state.getValue());
            deleteObjects(state.getKey().slug());
        }
        db.asUser(userId, handle -> handle.attach(PublishDao.class).markUnpublished(aideId));
    }

    /**
     * Deletes the published history of an unpublished aide: every version, the owner's copies
     * included. The slug stays, and a later publish still continues the numbering.
     */
    void deleteHistory(UUID userId, UUID aideId) {
        var aide = db.asUser(userId, handle -> handle.attach(PublishDao.class).find(aideId)).orElseThrow(Failure.NotFound::new);
        if (aide.publishedVersion() != null) {
            throw new Failure.Conflict("The page is published. Unpublish it first; then its versions can be deleted.");
        }
        try {
            objects.deleteKept(userId, aideId);
        } catch (StorageUnavailable e) {
            throw new Failure.Unavailable("The versions could not be deleted because file storage is not answering. "
                    + "Nothing changed; try again in a minute.", e.getMessage(), e);
        }
        db.asUser(userId, handle -> {
            handle.attach(PublishDao.class).deleteVersions(aideId);
            return null;
        });
    }

    /**
     * Before an aide is deleted ({@code AideService}'s hook): removes its public objects. Throws
     * {@link StorageUnavailable} when storage is down, so the aide is kept and the user told.
     */
    void beforeAideDelete(UUID userId, UUID aideId) {
        db.asUser(userId, handle -> handle.attach(PublishDao.class).find(aideId))
                .map(PublishDao.AideRow::slug)
                .ifPresent(this::deleteObjects);
        try {
            objects.deleteKept(userId, aideId);
        } catch (StorageUnavailable e) {
            throw new Failure.Unavailable("The page's published versions could not be removed because file storage is not answering. "
                    + "Nothing changed; try again in a minute.", e.getMessage(), e);
        }
    }

    /** Before an account is deleted ({@code AccountCleanup}): removes the public objects of all its aides. */
    void beforeAccountDelete(UUID userId) {
        db.asUser(userId, handle -> handle.attach(PublishDao.class).slugs()).forEach(this::deleteObjects);
    }

    /** Versions published before the owner's copies were kept get one from the public object before it goes. */
    private void keepMissing(UUID userId, UUID aideId, List<PublishedVersion> versions) {
        try {
            var kept = Set.copyOf(objects.keptKeys(userId, aideId));
            for (PublishedVersion version : versions) {
                if (!kept.contains(PublishedObjects.keptKey(userId, aideId, version.version()))) {
                    objects.get(version.objectKey()).ifPresent(blob -> objects.keep(userId, aideId, version.version(), blob.bytes()));
                }
            }
        } catch (StorageUnavailable e) {
            throw new Failure.Unavailable("The published page could not be removed because file storage is not answering. "
                    + "Nothing changed; try again in a minute.", e.getMessage(), e);
        }
    }

    private void deleteObjects(String slug) {
        try {
            objects.deleteAll(slug);
        } catch (StorageUnavailable e) {
            throw new Failure.Unavailable("The published page could not be removed because file storage is not answering. "
                    + "Nothing changed; try again in a minute.", e.getMessage(), e);
        }
    }
}
