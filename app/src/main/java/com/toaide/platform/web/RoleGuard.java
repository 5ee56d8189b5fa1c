package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The beforeMatched step for the two roles beyond signed in: {@link Role#ADMIN} routes and
 * {@link Role#DEV_ONLY} routes do not exist (404, not a 403 that says they do) for a user who is
 * not an admin, or while a real mailer is configured. Dev-only routes also answer only a client
 * on this machine: the dev outbox shows every sign-in link, so a dev instance that is reachable
 * from elsewhere by mistake (a preview deploy without {@code APP_ENV=prod}) must not serve it.
 * {@link Role#USER} is the session guard's.
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
        if (roles.contains(Role.DEV_ONLY) && !(devRoutes && fromThisMachine(ctx))) {
            throw new NotFoundResponse();
        }
        if (roles.contains(Role.ADMIN) && !RequestUser.of(ctx).map(isAdmin::test).orElse(false)) {
            throw new NotFoundResponse();
        }
    }

    /** Headers a proxy adds: a request that passed through one came from elsewhere, whatever its socket says. */
    private static final List<String> FORWARDING = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP", "CF-Connecting-IP");

    /** The socket's peer is a loopback address and no proxy relayed the request. */
    static boolean fromThisMachine(Context ctx) {
        if (FORWARDING.stream().anyMatch(name -> ctx.header(name) != null)) {
            return false;
        }
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
