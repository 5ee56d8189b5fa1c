package com.toaide.platform.web;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** The signed-in user's id for this request, once the session guard has resolved it. */
public final class RequestUser {
    private static final String ATTRIBUTE = "aide.userId";

    private RequestUser() {}

    public static void set(Context ctx, UUID userId) {
        ctx.attribute(ATTRIBUTE, userId);
    }

    public static Optional<UUID> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The signed-in user on a {@link Role#USER} or {@link Role#ADMIN} route, where the guard has made sure there is one. */
    public static UUID require(Context ctx) {
        return of(ctx).orElseThrow(() -> new IllegalStateException("No signed-in user on a route that needs one"));
    }
}
