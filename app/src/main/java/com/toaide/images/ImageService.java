package com.toaide.images;

import com.toaide.platform.failure.Failure;
import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import com.toaide.platform.db.Database;
import com.toaide.platform.storage.Blob;
import com.toaide.platform.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photos on a page: upload (processed one at a time, so memory stays bounded however many
 * arrive), the sizes an editor shows, quotas per plan, deletion and the orphan sweep.
 * Objects are written before their row and removed after it, so a row never points at
 * nothing; objects left without a row are swept.
 */
public final class ImageService {
    private static final Logger log = LoggerFactory.getLogger(ImageService.class);
    public static final long FREE_QUOTA_BYTES = 100L * 1024 * 1024;
    public static final long PRO_QUOTA_BYTES = 5L * 1024 * 1024 * 1024;
    /** What an upload may be, as received (the processor checks the bytes again). */
    public static final long MAX_UPLOAD_BYTES = ImageProcessor.MAX_BYTES;
    /** Objects younger than this may belong to an upload whose row is being written. */
    static final Duration SWEEP_GRACE = Duration.ofHours(1);

    private final Database db;
    private final BlobStore storage;
    private final String bucket;
    private final BillingService billing;
    private final DecodeTurns decoder;
    private final Clock clock;

    public ImageService(Database db, BlobStore storage, String bucket, BillingService billing,
                        ImageProcessor processor, Clock clock) {
        this.db = db;
        this.storage = storage;
        this.bucket = bucket;
        this.billing = billing;
        this.decoder = new DecodeTurns(processor);
        this.clock = clock;
    }

    /** What a file upload gives: its size as received, the name it came with, and its bytes, read only when it is its turn. */
    public interface Upload {
        long size();

        /** As the browser sent it (may be null, or hold a folder); kept only cleaned ({@link #fileName}). */
        String name();

        InputStream open() throws IOException;
    }

    /** A photo as an AI turn is offered it: which one, its shape, and what it was called when uploaded. */
    public record Offered(UUID id, int width, int height, String name, Instant createdAt) {}

    /** Longer file names are cut: the start says what the photo is. */
    static final int MAX_NAME = 120;

    public StoredImage upload(UUID userId, UUID aideId, Upload upload) {
        if (!db.asUser(userId, handle -> handle.attach(ImageDao.class).aideExists(aideId))) {
            throw new Failure.NotFound();
        }
        if (upload.size() > ImageProcessor.MAX_BYTES) {
            throw Refusals.tooLarge();
        }
        long quota = quota(userId);
        if (usage(userId) >= quota) {
            throw quotaReached(quota);
        }
        var processed = decoder.process(upload);
        var image = new StoredImage(UUID.randomUUID(), aideId, userId, processed.width(), processed.height(),
                processed.bytes(), processed.variants().stream().map(v -> new StoredImage.Size(v.width(), v.height(),
                        v.extension(), v.contentType(), v.sha256(), v.bytes().length)).toList());
        for (var variant : processed.variants()) {
            storage.put(bucket, image.prefix() + variant.width() + "." + variant.extension(), variant.bytes(),
                    variant.contentType(), null);
        }
        try {
            db.asUser(userId, handle -> {
                var dao = handle.attach(ImageDao.class);
                dao.lockUserUploads();
                if (dao.bytesUsed() + image.bytes() > quota) {
                    throw quotaReached(quota);
                }
                dao.insert(image.id(), aideId, image.width(), image.height(), image.bytes(), SizesJson.write(image.sizes()),
                        fileName(upload.name()));
                return null;
            });
        } catch (RuntimeException e) {
            removeObjects(image.prefix());
            throw e;
        }
        return image;
    }

    /** The stored file of one size, for the editor (only the owner finds it). */
    public Optional<Served> open(UUID userId, UUID aideId, UUID imageId, String fileName) {
        var image = find(userId, aideId, imageId);
        if (image.isEmpty()) {
            return Optional.empty();
        }
        var size = image.get().size(fileName);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        return storage.get(bucket, image.get().key(size.get())).map(blob -> new Served(blob, size.get().contentType()));
    }

    /** Bytes and their type, as stored. */
    public record Served(Blob blob, String contentType) {}

    public Optional<StoredImage> find(UUID userId, UUID aideId, UUID imageId) {
        return db.asUser(userId, handle -> handle.attach(ImageDao.class).find(aideId, imageId)).map(SizesJson::stored);
    }

    /** Every photo uploaded to the aide, oldest first. */
    public List<StoredImage> ofAide(UUID userId, UUID aideId) {
        return db.asUser(userId, handle -> {
            var dao = handle.attach(ImageDao.class);
            if (!dao.aideExists(aideId)) {
                throw new Failure.NotFound();
            }
            return dao.ofAide(aideId);
        }).stream().map(SizesJson::stored).toList();
    }

    /** The aide's newest photos, at most {@code limit}, newest first (what an AI turn is offered). */
    public List<Offered> newest(UUID userId, UUID aideId, int limit) {
        return db.asUser(userId, handle -> handle.attach(ImageDao.class).newest(aideId, limit));
    }

    /**
     * The name a file came with, fit to show: without the folder some browsers send
     * ({@code C:\fakepath\...}), without control characters, at most {@link #MAX_NAME}
     * characters; null when nothing is left.
     */
    static String fileName(String sent) {
        if (sent == null) {
            return null;
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
        }
        return name.isEmpty() ? null : name;
    }

    /** The aide's photos as its owner's editor shows them (loaded when a page first shows one). */
    public AidePhotos editorPhotos(UUID userId, UUID aideId) {
        return new AidePhotos(() -> db.asUser(userId, handle -> handle.attach(ImageDao.class).ofAide(aideId)).stream()
                .map(SizesJson::stored).toList(), EditorImageUrls::url);
    }

    /**
     * The aide's photos as its published page shows them: at {@code pageUrl/img/<sha256>.<ext>},
     * the copies publishing puts beside the page. Loaded now, so rendering makes no query.
     */
    public AidePhotos publishedPhotos(UUID userId, UUID aideId, String pageUrl) {
        List<StoredImage> images = db.asUser(userId, handle -> handle.attach(ImageDao.class).ofAide(aideId)).stream()
                .map(SizesJson::stored).toList();
        return new AidePhotos(() -> images, (image, size) -> pageUrl + "/" + AidePhotos.publishedName(size));
    }

    /** The bytes of one stored size (publishing copies them). */
    public Optional<byte[]> bytes(StoredImage image, StoredImage.Size size) {
        return storage.get(bucket, image.key(size)).map(Blob::bytes);
    }

    public void delete(UUID userId, UUID aideId, UUID imageId) {
        var image = find(userId, aideId, imageId).orElseThrow(Failure.NotFound::new);
        db.asUser(userId, handle -> handle.attach(ImageDao.class).delete(aideId, imageId));
        removeObjects(image.prefix());
    }

    /** Before an aide is deleted: its photos' objects go (the rows go with the aide). */
    public void beforeAideDelete(UUID userId, UUID aideId) {
        storage.deleteAll(bucket, StoredImage.aidePrefix(userId, aideId));
    }

    public void beforeAccountDelete(UUID userId) {
        storage.deleteAll(bucket, StoredImage.userPrefix(userId));
    }

    public long usage(UUID userId) {
        return db.asUser(userId, handle -> handle.attach(ImageDao.class).bytesUsed());
    }

    /** The account page's line: "3.4 MB of 100 MB used by photos." */
    public String usedLine(UUID userId) {
        return Storage.describe(usage(userId)) + " of " + Storage.describe(quota(userId)) + " used by photos.";
    }

    public long quota(UUID userId) {
        return billing.plan(userId) == Plan.PRO ? PRO_QUOTA_BYTES : FREE_QUOTA_BYTES;
    }

    /**
     * Removes photo objects whose row is gone (an upload that failed half-way, a row deleted
     * while the store was down), leaving recent ones alone. Returns how many images it removed.
     */
    public int sweepOrphans() {
        Map<UUID, String> prefixes = new LinkedHashMap<>();
        for (String key : storage.list(bucket, "users/")) {
            // users/{user}/aides/{aide}/images/{image}/{file}
            String[] parts = key.split("/");
            if (parts.length == 7 && parts[4].equals("images")) {
                try {
                    prefixes.putIfAbsent(UUID.fromString(parts[5]), String.join("/", List.of(parts).subList(0, 6)) + "/");
                } catch (IllegalArgumentException e) {
                    // Not one of ours: leave it.
                }
            }
        }
        if (prefixes.isEmpty()) {
            return 0;
        }
        Set<UUID> live = Set.copyOf(db.asSystem(handle -> handle.attach(ImageDao.class)
                .existing(prefixes.keySet().toArray(UUID[]::new))));
        Instant cutoff = clock.instant().minus(SWEEP_GRACE);
        int removed = 0;
        for (var entry : prefixes.entrySet()) {
            if (live.contains(entry.getKey())) {
                continue;
            }
            boolean recent = storage.list(bucket, entry.getValue()).stream().map(key -> storage.head(bucket, key))
                    .anyMatch(info -> info.isPresent() && info.get().lastModified().isAfter(cutoff));
            if (!recent) {
                storage.deleteAll(bucket, entry.getValue());
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Image orphan sweep removed {} images", removed);
        }
        return removed;
    }

    private void removeObjects(String prefix) {
        try {
            storage.deleteAll(bucket, prefix);
        } catch (RuntimeException e) {
            log.warn("Removing an image's objects failed; the orphan sweep will: {}", e.getClass().getSimpleName());
        }
    }

    private static Failure quotaReached(long quota) {
        return Refusals.quotaReached(Storage.describe(quota), quota == FREE_QUOTA_BYTES);
    }
}
