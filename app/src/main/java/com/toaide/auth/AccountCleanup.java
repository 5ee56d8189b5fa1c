package com.toaide.auth;

import java.util.UUID;

/**
 * Work another feature must do before an account is deleted, such as removing its published
 * pages from object storage. Runs outside any transaction (it may call the network), before
 * the user's rows are deleted; if it throws, the account is kept and the user is told.
 */
@FunctionalInterface
public interface AccountCleanup {
    void beforeDelete(UUID userId);
}
