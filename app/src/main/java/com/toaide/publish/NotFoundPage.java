package com.toaide.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page visitors get at an address with nothing published (an unpublished page, an unknown
 * slug, a version taken down): in the product's look, self-contained (inline style only, as the
 * published page's policy allows), light and dark. The same bytes serve the embedded default
 * ({@link PublicPages}) and, as the bucket's {@value PublishedObjects#NOT_FOUND_KEY}, the CDN's custom
 * error page in production (docs/deploy.md).
 */
public final class NotFoundPage {
    private NotFoundPage() {}

    /** {@code landing}: where "Keep a page of your own" leads (the editor's address). */
    public static byte[] html(String landing) {
        try (InputStream in = NotFoundPage.class.getResourceAsStream("/publish/not-found.html")) {
            if (in == null) {
                throw new IllegalStateException("publish/not-found.html is missing from the class path");
            }
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return page.replace("{{landing}}", escape(landing)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String attribute) {
        return attribute.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
