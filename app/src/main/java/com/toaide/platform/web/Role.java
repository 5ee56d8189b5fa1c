package com.toaide.platform.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route; checked in one place, the beforeMatched guards in App. ADMIN is a
 * signed-in user with {@code users.is_admin}; anyone else gets a 404 there.
 */
public enum Role implements RouteRole {
    ANYONE,
    USER,
    ADMIN,
    DEV_ONLY
}
