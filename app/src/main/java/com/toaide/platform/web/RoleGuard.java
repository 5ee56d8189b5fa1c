package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The beforeMatched step for the two roles beyond signed in: {@link Role#ADMIN} routes and
 * {@link Role#DEV_ONLY} routes do not exist (404, not a 403 that says they do) for a user who is
 * not an admin, or while a real mailer is configured. {@link Role#USER} is the session guard's.
 */
public final class RoleGuard {
    private final Predicate<UUID> isAdmin;
    private final boolean devRoutes;

    /**
     * @param isAdmin   whether a signed-in user is an admin (read on each admin request: rare)
     * @param devRoutes whether dev-only routes are served (no real mailer configured)
     */
    public RoleGuard(Predicate<UUID> isAdmin, boolean devRoutes) {
        this.isAdmin = isAdmin;
        this.devRoutes = devRoutes;
    }

    public void check(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.contains(Role.DEV_ONLY) && !devRoutes) {
            throw new NotFoundResponse();
        }
        if (roles.contains(Role.ADMIN) && !RequestUser.of(ctx).map(isAdmin::test).orElse(false)) {
            throw new NotFoundResponse();
        }
    }
}
