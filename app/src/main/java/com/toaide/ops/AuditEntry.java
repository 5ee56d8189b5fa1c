package com.toaide.ops;

import java.time.Instant;
import java.util.UUID;

/** One break-glass access: who, which aide (and whose), why, when. */
public record AuditEntry(long id, UUID adminId, UUID aideId, UUID ownerId, String action, String reason, Instant createdAt) {}
