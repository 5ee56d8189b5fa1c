package com.toaide;

import com.toaide.images.ImageService;
import com.toaide.kernel.Json;
import com.toaide.platform.web.BodyDeadline;
import com.toaide.platform.web.BodyLimits;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson3;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** How Javalin and Jetty are set up, apart from the routes and guards: limits, threads, buffers, the graceful stop. */
final class ServerSettings {
    private static final long GRACEFUL_STOP_MILLIS = 10_000;
    private static final int REQUEST_THREADS = 64;
    /**
     * Body bytes gathered per request before a thread is given to it: most edits, forms and chat
     * messages fit whole, and a thousand connections trickling bodies hold at most 16 MB.
     */
    private static final long EAGER_BODY_BYTES = 16 * 1024;

    private ServerSettings() {}

    /** @param directEdits the edit route's handler, placed after the server's own guards and before Javalin's */
    static void apply(JavalinConfig cfg, Handler.Wrapper directEdits) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.maxRequestSize = BodyLimits.DEFAULT_BYTES;
        cfg.http.generateEtags = false;
        // Javalin copies every answer to the response through a buffer of this size, allocated per
        // request; left unset it takes Jetty's 32 KB output buffer size, a third of all the bytes
        // an edit allocated (docs/performance.md). Jetty's own output buffer is pooled and unchanged.
        cfg.http.responseBufferSize = 4096;
        // Photo uploads (the only multipart route): parts past 256 KB wait on disk, not in memory.
        cfg.jetty.multipartConfig.maxFileSize(ImageService.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(BodyLimits.PHOTO_BYTES, SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
        // A bounded pool: requests wait for one of ten database connections anyway, and on
        // Java 17 every extra platform thread costs memory (docs/performance.md).
        var threads = new QueuedThreadPool(REQUEST_THREADS, 8, 60_000);
        threads.setName("http");
        cfg.jetty.threadPool = threads;
        cfg.jsonMapper(new JavalinJackson3(Json.MAPPER, false));
        // Jetty caches repeated header lines per connection and empties the cache whenever it is
        // full. Behind a proxy one connection carries many users, each with their own cookie and
        // address, so the cache was emptied on nearly every request (docs/performance.md).
        cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
        cfg.jetty.modifyServer(server -> {
            // Inserted first, so it sits inside the others: the graceful stop counts direct edits,
            // and their bodies are gathered and held to the deadline like any other.
            server.insertHandler(directEdits);
            // Stop accepting, then let in-flight requests finish before the pools close.
            server.insertHandler(new GracefulHandler());
            // Slow clients cost a socket, not a thread (docs/security.md): the first bytes of a
            // body are gathered without a thread before the handler runs, and the whole body
            // must arrive within BodyDeadline.SECONDS of the request's first byte.
            server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                    EAGER_BODY_BYTES, -1, false)));
            server.insertHandler(new BodyDeadline());
            server.setStopTimeout(GRACEFUL_STOP_MILLIS);
            server.setStopAtShutdown(false);
        });
    }
}
