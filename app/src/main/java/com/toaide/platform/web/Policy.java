package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * What a route needs besides its {@link Role}, written beside it in the route table and read by
 * the generic guards, so that the table alone tells what applies to a URL. Javalin carries
 * these as route roles; nothing else in the app gives them meaning.
 */
public enum Policy implements RouteRole {
    /** The body is an edit or a chat message: {@link BodyLimits#SMALL_BYTES}, not the general limit. */
    SMALL_BODY,
    /** A photo upload: {@link BodyLimits#PHOTO_BYTES}, the one route allowed a body of several megabytes. */
    PHOTO_BODY,
    /** Refused while the abuse check has paused the signed-in user (ops' LimitedUsers). */
    PAUSABLE,
    /** Proves where it came from another way (Stripe's signature), so {@link OriginGuard} lets it through. */
    CSRF_EXEMPT,
    /** A published page: the page's own Content-Security-Policy, not the editor's ({@link SecurityHeaders}). */
    PAGE_CSP,
    /**
     * Shows someone else's content to staff (the break-glass view): images only from our own
     * origin, so a picture on a host the aide's author chose cannot learn the viewer's address.
     */
    LOCAL_IMAGES;

    /** True when the route this request matched is marked with this policy. */
    public boolean on(Context ctx) {
        return ctx.routeRoles().contains(this);
    }
}
