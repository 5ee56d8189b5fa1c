package com.toaide.publish;

import java.time.Instant;

/** One published version of an aide, kept at {@code {slug}/v/{version}/index.html}. */
public record PublishedVersion(int version, String slug, String objectKey, int sizeBytes, String notes, Instant createdAt) {}
