package com.toaide.publish;

import com.toaide.platform.storage.Blob;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The embedded default's {@code /s/...} routes: published objects straight from the bucket, with
 * the headers the CDN would pass on (content type, cache control, ETag, Last-Modified) and
 * {@code If-None-Match} answered with 304. Production never routes these paths to the app:
 * Cloudflare maps them onto the bucket (docs/deploy.md).
 */
public final class PublicPages {
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern PHOTO = Pattern.compile("[0-9a-f]{64}\\.(jpg|png)");

    private final PublishedObjects objects;
    private final byte[] notFound;

    /** {@code notFound}: the page for an address with nothing published ({@link NotFoundPage}). */
    public PublicPages(PublishedObjects objects, byte[] notFound) {
        this.objects = objects;
        this.notFound = notFound.clone();
    }

    public void page(Context ctx) {
        String slug = ctx.pathParam("slug");
        serve(ctx, Slugs.valid(slug) ? PublishedObjects.pageKey(slug) : null);
    }

    public void version(Context ctx) {
        String slug = ctx.pathParam("slug");
        String n = ctx.pathParam("n");
        serve(ctx, Slugs.valid(slug) && VERSION.matcher(n).matches() ? PublishedObjects.versionKey(slug, Integer.parseInt(n)) : null);
    }

    /** A photo's published copy beside its page ({@code img/<sha256>.<ext>}). */
    public void photo(Context ctx) {
        String slug = ctx.pathParam("slug");
        String file = ctx.pathParam("file");
        serve(ctx, Slugs.valid(slug) && PHOTO.matcher(file).matches() ? slug + "/img/" + file : null);
    }

    public void feed(Context ctx) {
        String slug = ctx.pathParam("slug");
        serve(ctx, Slugs.valid(slug) ? PublishedObjects.feedKey(slug) : null);
    }

    /** The public domain's robots.txt, from the bucket's root like the CDN's. */
    public void robots(Context ctx) {
        serve(ctx, PublishedObjects.ROBOTS_KEY);
    }

    private void serve(Context ctx, String key) {
        Blob blob = key == null ? null : objects.get(key).orElse(null);
        if (blob == null) {
            // What the CDN answers for a missing object: its custom error page, with the 404 kept.
            ctx.status(404).header("Cache-Control", PublishedObjects.NOT_FOUND_CACHE)
                    .contentType(PublishedObjects.HTML).result(notFound);
            return;
        }
        ctx.header("Cache-Control", blob.cacheControl() == null ? "no-cache" : blob.cacheControl());
        if (blob.etag() != null) {
            ctx.header("ETag", blob.etag());
        }
        if (blob.lastModified() != null) {
            ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(blob.lastModified().atZone(ZoneOffset.UTC)));
        }
        if (matches(ctx.header("If-None-Match"), blob)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(blob.contentType()).result(blob.bytes());
    }

    private static boolean matches(String ifNoneMatch, Blob blob) {
        if (ifNoneMatch == null || blob.etag() == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(blob.etag()));
    }
}
