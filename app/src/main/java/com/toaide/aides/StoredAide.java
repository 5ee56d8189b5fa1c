package com.toaide.aides;

import java.util.UUID;

/**
 * An aide row as the editor needs it: the cached snapshot JSON, the log position it reflects,
 * and the answers to its latest client batches ({@link EditAnswers}, JSON).
 */
record StoredAide(UUID id, String state, long logSeq, String answers) {}
