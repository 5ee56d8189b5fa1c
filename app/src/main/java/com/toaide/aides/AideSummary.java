package com.toaide.aides;

import java.time.Instant;
import java.util.UUID;

/** One row of the dashboard. {@code slug} is null until the aide is published. */
public record AideSummary(UUID id, String title, String status, String slug, Instant updatedAt) {}
