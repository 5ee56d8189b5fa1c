package com.toaide.platform.storage;

import java.time.Instant;

/**
 * What the store knows about an object, without its bytes.
 *
 * @param etag as the store sends it, quotes included, so it can go straight into an HTTP
 *             {@code ETag} header
 * @param cacheControl null when the object was stored without one
 */
public record BlobInfo(String contentType, String cacheControl, String etag, Instant lastModified, long size) {}
