package com.toaide.platform.web;

import io.javalin.security.RouteRole;

/** Who may call a route; checked in one place, the session guard in App. */
public enum Role implements RouteRole {
    ANYONE,
    USER,
    DEV_ONLY
}
