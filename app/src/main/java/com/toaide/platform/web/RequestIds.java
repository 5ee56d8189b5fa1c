package com.toaide.platform.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Every request gets an id: shown on error pages, sent back in X-Request-Id, written in the log line. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "aide.requestId";
    // An id handed in by the proxy is kept only if it is short and plain, so it cannot forge log lines.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String id = accept(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id: the one the proxy handed in ({@code given}, may be null) when it is safe, else a new one. */
    public static String accept(String given) {
        return given != null && SAFE.matcher(given).matches() ? given : fresh();
    }

    /**
     * A new id. It only has to be unique enough to find a request in the logs, not secret, so
     * it comes from the thread's own generator: {@code UUID.randomUUID()} reads the system's
     * secure source under a lock on every request.
     */
    static String fresh() {
        var random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
