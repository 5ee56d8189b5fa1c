package com.toaide.aides;

import java.util.UUID;

/**
 * An aide row as the editor needs it: the cached snapshot JSON, the log position it reflects, and
 * whether its changes republish it ("keep the published page up to date", and published).
 */
record StoredAide(UUID id, String state, long logSeq, boolean autoPublish) {}
