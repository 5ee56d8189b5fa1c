package com.toaide.publish;

import java.time.Instant;

/**
 * One published version of an aide, kept at {@code {slug}/v/{version}/index.html};
 * {@code logSeq} is the point of the aide's log it shows (null for versions published before
 * that was kept).
 */
public record PublishedVersion(int version, String slug, String objectKey, int sizeBytes, String notes, Instant createdAt, Long logSeq) {}
