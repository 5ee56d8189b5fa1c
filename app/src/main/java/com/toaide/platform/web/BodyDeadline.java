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
 * A request's body must have arrived within {@link #SECONDS} of its first byte. Handlers read
 * bodies with blocking reads, so a client trickling a large declared body a byte every few seconds
 * would hold a request thread for as long as it liked (Jetty 12 keeps {@code minRequestDataRate}
 * in its configuration but no longer enforces it, and each byte restarts the idle timeout). Past
 * the deadline the next read fails with a 408 and the connection closes: a slow client costs a
 * socket, not a thread. A client that stops sending altogether meets the connector's idle timeout.
 */
public final class BodyDeadline extends Handler.Wrapper {
    /** Enough for a 1 MB body over a slow mobile link (about 70 KB/s). */
    public static final long SECONDS = 15;
    private final long limitNanos;

    public BodyDeadline() {
        this(SECONDS, TimeUnit.SECONDS);
    }

    BodyDeadline(long limit, TimeUnit unit) {
        this.limitNanos = unit.toNanos(limit);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = request.getHeaders();
        boolean hasBody = headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
        // Requests without a body (every GET, WebSocket upgrades) pass as they are.
        return super.handle(hasBody ? new Deadline(request, limitNanos) : request, response, callback);
    }

    private static final class Deadline extends Request.Wrapper {
        private final long limitNanos;

        Deadline(Request request, long limitNanos) {
            super(request);
            this.limitNanos = limitNanos;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && !chunk.isLast() && !Content.Chunk.isFailure(chunk)
                    && NanoTime.since(getBeginNanoTime()) > limitNanos) {
                chunk.release();
                // A Javalin HTTP exception, so the handler that reads the body answers 408 like any refusal.
                return Content.Chunk.from(new HttpResponseException(408, "The request arrived too slowly. Nothing was changed."), true);
            }
            return chunk;
        }
    }
}
