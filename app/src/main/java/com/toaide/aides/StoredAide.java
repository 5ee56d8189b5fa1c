package com.toaide.aides;

import java.util.UUID;

/** An aide row as the editor needs it: the cached snapshot JSON and the log position it reflects. */
record StoredAide(UUID id, String state, long logSeq) {}
