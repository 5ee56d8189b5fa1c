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
}
