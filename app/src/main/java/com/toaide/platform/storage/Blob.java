package com.toaide.platform.storage;

import java.time.Instant;

/**
 * An object read back from the store. The array is the caller's to keep; record equality
 * compares it by reference, so compare {@code bytes()} with {@code Arrays.equals}.
 */
public record Blob(byte[] bytes, String contentType, String cacheControl, String etag, Instant lastModified, long size) {

    public BlobInfo info() {
        return new BlobInfo(contentType, cacheControl, etag, lastModified, size);
    }
}
