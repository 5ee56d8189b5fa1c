package com.toaide.auth;

import com.toaide.platform.web.Errors;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Role;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;

/**
 * Resolves the signed-in user from the session cookie before every matched route, renews the
 * cookie, and turns away signed-out visitors from routes that need a user: pages redirect to
 * the sign-in page, JSON gets a 401.
 */
public final class SessionGuard {
    public static final String COOKIE = "aide_session";
    /** Set on the browser that asked for a sign-in link: the link signs in there without a question. */
    static final String LINK_COOKIE = "aide_link";

    private final SessionService sessions;
    private final boolean secureCookies;

    public SessionGuard(SessionService sessions, boolean secureCookies) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    /** False when the visitor was sent to sign in, and nothing else may answer the request. */
    public boolean check(Context ctx) {
        var session = sessions.resume(ctx.cookie(COOKIE));
        session.ifPresent(live -> {
            RequestUser.set(ctx, live.userId());
            ctx.attribute(SessionService.Session.class.getName(), live);
            if (live.token() != null) {
                setCookie(ctx, live.token());
            }
        });
        if (session.isEmpty() && ctx.routeRoles().contains(Role.USER)) {
            if (Errors.wantsJson(ctx) || !"GET".equals(ctx.method().name()) || isUpgrade(ctx)) {
                throw new UnauthorizedResponse("Sign in to continue.");
            }
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return false;
        }
        return true;
    }

    // A WebSocket upgrade cannot follow a redirect to a page: it is refused outright.
    private static boolean isUpgrade(Context ctx) {
        return "websocket".equalsIgnoreCase(ctx.header("Upgrade"));
    }

    public void setCookie(Context ctx, String token) {
        ctx.cookie(cookie(COOKIE, token, "/", (int) SessionService.LIFETIME.toSeconds()));
    }

    /** Tells the browser to forget the session cookie (the session row is revoked separately). */
    public void clearCookie(Context ctx) {
        ctx.cookie(cookie(COOKIE, "", "/", 0));
    }

    /** Marks this browser as the one that asked for a sign-in link (MagicLinkService.browserTag), for as long as the link lasts. */
    void setLinkCookie(Context ctx, String browserTag) {
        ctx.cookie(cookie(LINK_COOKIE, browserTag, "/auth", MagicLinkService.LINK_MINUTES * 60));
    }

    void clearLinkCookie(Context ctx) {
        ctx.cookie(cookie(LINK_COOKIE, "", "/auth", 0));
    }

    private Cookie cookie(String name, String value, String path, int maxAgeSeconds) {
        // Every field is set below; the constructor's argument order is not relied on.
        var cookie = new Cookie(name, value, path, maxAgeSeconds, false, false, null, SameSite.LAX);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        cookie.setPath(path);
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }
}
