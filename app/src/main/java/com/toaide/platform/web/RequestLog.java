package com.toaide.platform.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request: id, method, route pattern (not the raw path), status, duration,
 * user UUID. Never query strings, bodies, emails or prop values: they are user content.
 * Written with a plain builder, not a JSON tree: it runs for every request, and the tree cost
 * more than the rest of the line (docs/performance.md).
 */
public final class RequestLog {
    private static final Logger log = LoggerFactory.getLogger("aide.request");

    public void write(Context ctx, float millis) {
        write(RequestIds.of(ctx), ctx.method().name(), RoutePattern.of(ctx), ctx.statusCode(), millis, RequestUser.of(ctx).orElse(null));
    }

    /** The same line from plain values; {@code user} is null for a visitor who is not signed in. */
    public void write(String requestId, String method, String route, int status, float millis, UUID user) {
        var line = new StringBuilder(200);
        field(line.append("{\"ts\":"), Instant.now().toString());
        field(line.append(",\"request_id\":"), requestId);
        field(line.append(",\"method\":"), method);
        field(line.append(",\"route\":"), route);
        line.append(",\"status\":").append(status);
        line.append(",\"ms\":").append(Math.round(millis * 10) / 10.0);
        if (user != null) {
            field(line.append(",\"user\":"), user.toString());
        }
        log.info(line.append('}').toString());
    }

    /** A JSON string; the request id may come from a client's header, so everything is escaped. */
    static void field(StringBuilder line, String value) {
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }
}
