package com.toaide.aides;

import java.util.UUID;

/**
 * Work another feature must do before an aide is deleted, such as removing its published pages.
 * Runs outside any transaction (it may call object storage), before the row is deleted; if it
 * throws, the aide is kept and the user told.
 */
@FunctionalInterface
public interface AideCleanup {
    void beforeDelete(UUID userId, UUID aideId);
}
