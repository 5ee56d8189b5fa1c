package com.toaide.platform.web;

import io.javalin.http.HttpResponseException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * A request body must keep arriving at {@link #MIN_BYTES_PER_SECOND} on average once
 * {@link #GRACE_SECONDS} have passed since the request's first byte. Handlers read bodies with
 * blocking reads, so a client trickling a large declared body a byte every few seconds would
 * otherwise hold a request thread for as long as it liked: Jetty 12 keeps
 * {@code minRequestDataRate} in its configuration but no longer enforces it, and each byte
 * restarts the idle timeout. Past the allowance the next read fails with a 408 and the connection
 * closes. A client that stops sending altogether meets the connector's idle timeout (30 s).
 */
public final class BodyDeadline extends Handler.Wrapper {
    public static final long GRACE_SECONDS = 10;
    /** A 10 MB photo over a slow mobile link (about 100 KB/s) passes; a trickle does not. */
    public static final long MIN_BYTES_PER_SECOND = 32 * 1024;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = request.getHeaders();
        boolean hasBody = headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
        // Requests without a body (every GET, WebSocket upgrades) pass as they are.
        return super.handle(hasBody ? new Deadline(request) : request, response, callback);
    }

    private static final class Deadline extends Request.Wrapper {
        private long received;

        Deadline(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            received += chunk.remaining();
            long allowedNanos = TimeUnit.SECONDS.toNanos(GRACE_SECONDS) + received * 1_000_000_000L / MIN_BYTES_PER_SECOND;
            if (!chunk.isLast() && NanoTime.since(getBeginNanoTime()) > allowedNanos) {
                chunk.release();
                // A Javalin HTTP exception, so the handler that reads the body answers 408 like any refusal.
                return Content.Chunk.from(new HttpResponseException(408, "The request arrived too slowly. Nothing was changed."), true);
            }
            return chunk;
        }
    }
}
