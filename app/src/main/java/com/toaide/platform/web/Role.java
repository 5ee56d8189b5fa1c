package com.toaide.platform.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, written beside it in App's route table: USER is checked by the session
 * guard (auth), ADMIN ({@code users.is_admin}) and DEV_ONLY by {@link RoleGuard}. What else a
 * route needs is a {@link Policy} beside its role.
 */
public enum Role implements RouteRole {
    ANYONE,
    USER,
    ADMIN,
    DEV_ONLY
}
