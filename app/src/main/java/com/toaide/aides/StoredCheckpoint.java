package com.toaide.aides;

/** One {@code aide_checkpoints} row; {@code state} is null when only the bookkeeping was read (public only for Jdbi). */
public record StoredCheckpoint(long seq, String state, String bookkeeping) {}
