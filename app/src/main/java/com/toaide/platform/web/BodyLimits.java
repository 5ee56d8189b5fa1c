package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Request body limits (security.md): 1 MB in general, 64 KB on routes marked
 * {@link Policy#SMALL_BODY} (edits and chat messages). Checked from Content-Length before the
 * handler runs, so an oversized body is refused even where nothing would read it; Javalin's
 * maxRequestSize still guards bodies sent without a length.
 */
public final class BodyLimits {
    public static final long DEFAULT_BYTES = 1_000_000;
    public static final long SMALL_BYTES = 64 * 1024;

    /** A beforeMatched step: the matched route's markers say which limit applies. */
    public void check(Context ctx) {
        if (ctx.contentLength() > limitFor(ctx)) {
            throw new HttpResponseException(413, "The request is larger than AIde accepts. Nothing was changed.");
        }
    }

    public static long limitFor(Context ctx) {
        return Policy.SMALL_BODY.on(ctx) ? SMALL_BYTES : DEFAULT_BYTES;
    }
}
