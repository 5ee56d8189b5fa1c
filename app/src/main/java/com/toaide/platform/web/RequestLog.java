package com.toaide.platform.web;

import io.javalin.http.Context;
import java.time.Instant;
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
        var line = new StringBuilder(200);
        field(line.append("{\"ts\":"), Instant.now().toString());
        field(line.append(",\"request_id\":"), RequestIds.of(ctx));
        field(line.append(",\"method\":"), ctx.method().name());
        field(line.append(",\"route\":"), RoutePattern.of(ctx));
        line.append(",\"status\":").append(ctx.statusCode());
        line.append(",\"ms\":").append(Math.round(millis * 10) / 10.0);
        RequestUser.of(ctx).ifPresent(user -> field(line.append(",\"user\":"), user.toString()));
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
