package com.toaide.auth;

import java.util.UUID;

/** How much of the plan's photo storage the user has used, worded for the account page (images, wired by hand). */
@FunctionalInterface
public interface PhotoStorage {
    String used(UUID userId);
}
