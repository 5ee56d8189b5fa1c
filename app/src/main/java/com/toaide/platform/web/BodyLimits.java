package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.regex.Pattern;

/**
 * Request body limits (security.md): 1 MB in general, 64 KB for edits and chat messages.
 * Checked from Content-Length before any handler runs, so an oversized body is refused even
 * where nothing would read it; Javalin's maxRequestSize still guards bodies sent without a length.
 */
public final class BodyLimits {
    public static final long DEFAULT_BYTES = 1_000_000;
    public static final long EDIT_BYTES = 64 * 1024;
    private static final Pattern EDIT_PATHS = Pattern.compile("^/aides/[^/]+/(events|turns)$");

    public void check(Context ctx) {
        long length = ctx.contentLength();
        if (length > limitFor(ctx.path())) {
            throw new HttpResponseException(413, "The request is larger than AIde accepts. Nothing was changed.");
        }
    }

    public static long limitFor(String path) {
        return EDIT_PATHS.matcher(path).matches() ? EDIT_BYTES : DEFAULT_BYTES;
    }
}
