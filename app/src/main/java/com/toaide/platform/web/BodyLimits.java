package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request body limits (docs/security.md): 1 MB in general, 64 KB on routes marked
 * {@link Policy#SMALL_BODY} (edits and chat messages), about 10 MB on {@link Policy#PHOTO_BODY}.
 * Checked from Content-Length before the handler runs, so an oversized body is refused even
 * where nothing would read it. A body sent without a length (chunked) is counted as it is read:
 * Javalin's maxRequestSize stops any such body at 1 MB, and on a small-body route the body is
 * read here (Javalin keeps it for the handler) and refused when it holds more. A photo upload
 * is multipart, bounded by the multipart limits set beside maxRequestSize in App.
 *
 * <p>Whatever the answer, a body of up to 1 MB is read to its end before it goes out
 * ({@link #readRest}): Jetty closes a connection whose body is still arriving, and the reset that
 * follows can reach the client before the answer does.
 */
public final class BodyLimits {
    public static final long DEFAULT_BYTES = 1_000_000;
    public static final long SMALL_BYTES = 64 * 1024;
    /** A photo of up to 10 MB and the multipart framing around it. */
    public static final long PHOTO_BYTES = 10 * 1024 * 1024 + 64 * 1024;

    /** A beforeMatched step: the matched route's markers say which limit applies. */
    public void check(Context ctx) {
        long limit = limitFor(ctx);
        long length = ctx.contentLength();
        if (length > limit || length < 0 && limit < DEFAULT_BYTES && ctx.bodyAsBytes().length > limit) {
            throw new HttpResponseException(413, "The request is larger than AIde accepts. Nothing was changed.");
        }
    }

    /**
     * An after step, for every request, answered or refused: reads and drops what is left of the
     * body when the route did not read it (a 413, 403, 404, or a handler that needs no body).
     * A browser sends its whole body before it reads the answer, and a connection closed on a
     * body still arriving is reset: the browser then shows a network error instead of the answer.
     * At most 1 MB, what any route may read anyway; past that the connection is closed.
     */
    public void readRest(Context ctx) {
        long length = ctx.contentLength();
        boolean chunked = length < 0 && ctx.header("Transfer-Encoding") != null;
        if (length <= 0 && !chunked || length > DEFAULT_BYTES) {
            return;
        }
        try {
            InputStream body = ctx.req().getInputStream();
            byte[] buffer = new byte[8192];
            for (long read = 0; read <= DEFAULT_BYTES; ) {
                int n = body.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException gone) {
            // The client stopped sending: nobody is left to hear the answer.
        }
    }

    public static long limitFor(Context ctx) {
        if (Policy.PHOTO_BODY.on(ctx)) {
            return PHOTO_BYTES;
        }
        return Policy.SMALL_BODY.on(ctx) ? SMALL_BYTES : DEFAULT_BYTES;
    }
}
