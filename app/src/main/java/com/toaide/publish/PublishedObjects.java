package com.toaide.publish;

import com.toaide.platform.storage.Blob;
import com.toaide.platform.storage.BlobInfo;
import com.toaide.platform.storage.BlobStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where published pages live in the public bucket and the addresses that serve them:
 * {@code {slug}/index.html} (the page), {@code {slug}/v/{n}/index.html} (every version,
 * immutable), {@code {slug}/feed.xml} (the Atom feed), each with the cache headers the CDN
 * passes on. Storage failures come out as {@link com.toaide.platform.storage.StorageUnavailable}.
 *
 * <p>Every version is also kept in the private workspace bucket
 * ({@code users/{user}/aides/{aide}/versions/{n}.html}), so unpublishing can take the public
 * objects down while the owner still opens every version. The page visitors get for a missing
 * object lives at {@value #NOT_FOUND_KEY}, a key no slug can reach ({@code _} is not a slug character).
 */
public final class PublishedObjects {

    static final String VERSION_CACHE = "public, max-age=31536000, immutable";
    static final String PAGE_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";
    static final String HTML = "text/html; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    static final String NOT_FOUND_KEY = "_/404.html";
    static final String NOT_FOUND_CACHE = "public, max-age=300";
    private static final String KEPT_CACHE = "private, no-store";

    private final BlobStore storage;
    private final String bucket;
    private final String workspaceBucket;
    private final String publicUrl;
    private final EdgeCache edge;

    public PublishedObjects(BlobStore storage, String bucket, String workspaceBucket, URI publicUrl) {
        this(storage, bucket, workspaceBucket, publicUrl, EdgeCache.NONE);
    }

    /** {@code edge} is told the public URLs of every object replaced or removed here. */
    public PublishedObjects(BlobStore storage, String bucket, String workspaceBucket, URI publicUrl, EdgeCache edge) {
        this.storage = storage;
        this.bucket = bucket;
        this.workspaceBucket = workspaceBucket;
        this.publicUrl = withoutSlash(publicUrl.toString());
        this.edge = edge;
    }

    /**
     * Every URL under which the CDN may hold a copy of the object at {@code key}: the visitor's
     * address ({@code /s/...}, with and without a trailing slash for a page) and the object's own
     * path, which the Transform Rule rewrites to (docs/deploy.md). Purging both holds whichever
     * of the two Cloudflare keys its cache on.
     */
    List<String> publicUrls(String key) {
        var urls = new ArrayList<String>();
        if (key.endsWith("/index.html")) {
            String page = publicUrl + "/s/" + key.substring(0, key.length() - "/index.html".length());
            urls.add(page);
            urls.add(page + "/");
        } else {
            urls.add(publicUrl + "/s/" + key);
        }
        urls.add(publicUrl + "/" + key);
        return urls;
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

    static final String ROBOTS_KEY = "robots.txt";

    /**
     * The public domain's robots.txt, at the bucket's root so the CDN serves it as
     * {@code /robots.txt}. Everything published is meant to be read; every page names its
     * canonical address, so crawlers fold a version's copy into its page.
     */
    static final String ROBOTS = """
            User-agent: *
            Allow: /
            """;

    /** Writes robots.txt at the bucket's root (on every start, so a changed text reaches the bucket). */
    public void putRobots() {
        storage.put(bucket, ROBOTS_KEY, ROBOTS.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", PAGE_CACHE);
    }

    static String feedKey(String slug) {
        return slug + "/feed.xml";
    }

    static String keptPrefix(UUID userId, UUID aideId) {
        return "users/" + userId + "/aides/" + aideId + "/versions/";
    }

    static String keptKey(UUID userId, UUID aideId, int version) {
        return keptPrefix(userId, aideId) + version + ".html";
    }

    /** The owner's copy of a version, in the private bucket. */
    void keep(UUID userId, UUID aideId, int version, byte[] html) {
        storage.put(workspaceBucket, keptKey(userId, aideId, version), html, HTML, KEPT_CACHE);
    }

    Optional<Blob> kept(UUID userId, UUID aideId, int version) {
        return storage.get(workspaceBucket, keptKey(userId, aideId, version));
    }

    List<String> keptKeys(UUID userId, UUID aideId) {
        return storage.list(workspaceBucket, keptPrefix(userId, aideId));
    }

    /** Removes the owner's copy of one version. */
    void deleteKept(UUID userId, UUID aideId, int version) {
        storage.delete(workspaceBucket, keptKey(userId, aideId, version));
    }

    void deleteKept(UUID userId, UUID aideId) {
        storage.deleteAll(workspaceBucket, keptPrefix(userId, aideId));
    }

    /** The page visitors get for an address with nothing published (the CDN's custom error page, docs/deploy.md). */
    public void putNotFound(byte[] html) {
        storage.put(bucket, NOT_FOUND_KEY, html, HTML, NOT_FOUND_CACHE);
    }

    /** Uploads a version (immutable) and then the page that shows it. */
    void putVersionAndPage(String slug, int version, byte[] html) {
        storage.put(bucket, versionKey(slug, version), html, HTML, VERSION_CACHE);
        storage.put(bucket, pageKey(slug), html, HTML, PAGE_CACHE);
        edge.purge(publicUrls(pageKey(slug)));
    }

    /** Puts an already uploaded version back as the page. */
    void putPage(String slug, byte[] html) {
        storage.put(bucket, pageKey(slug), html, HTML, PAGE_CACHE);
    }

    /**
     * A photo's size beside the page, unless it is there already: the name is the bytes' SHA-256,
     * so a copy under it is the same picture.
     */
    void putPhoto(String slug, String name, String contentType, Supplier<Optional<byte[]>> bytes) {
        String key = slug + "/" + name;
        if (storage.head(bucket, key).isEmpty()) {
            bytes.get().ifPresent(b -> storage.put(bucket, key, b, contentType, VERSION_CACHE));
        }
    }

    void putFeed(String slug, String atom) {
        storage.put(bucket, feedKey(slug), atom.getBytes(StandardCharsets.UTF_8), ATOM, PAGE_CACHE);
        edge.purge(publicUrls(feedKey(slug)));
    }

    /** An object's bytes and headers, or empty when it is not stored. */
    Optional<Blob> get(String key) {
        return storage.get(bucket, key);
    }

    /** Removes one object (an old version) and tells the edge. */
    void delete(String key) {
        storage.delete(bucket, key);
        edge.purge(publicUrls(key));
    }

    void deleteAll(String slug) {
        var keys = storage.list(bucket, slug + "/");
        storage.deleteAll(bucket, slug + "/");
        edge.purge(keys.stream().flatMap(key -> publicUrls(key).stream()).toList());
    }

    /** Every key in the bucket. */
    List<String> allKeys() {
        return storage.list(bucket, "");
    }

    /** When an object was last written, or empty when it is gone. */
    Optional<Instant> lastModified(String key) {
        return storage.head(bucket, key).map(BlobInfo::lastModified);
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
