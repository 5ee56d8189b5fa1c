package com.toaide.platform.web;

import com.toaide.kernel.Json;
import io.javalin.http.Context;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request: id, method, route pattern (not the raw path), status, duration,
 * user UUID. Never query strings, bodies, emails or prop values: they are user content.
 */
public final class RequestLog {
    private static final Logger log = LoggerFactory.getLogger("aide.request");

    public void write(Context ctx, float millis) {
        var line = Json.MAPPER.createObjectNode();
        line.put("ts", Instant.now().toString());
        line.put("request_id", RequestIds.of(ctx));
        line.put("method", ctx.method().name());
        line.put("route", RoutePattern.of(ctx));
        line.put("status", ctx.statusCode());
        line.put("ms", Math.round(millis * 10) / 10.0);
        RequestUser.of(ctx).ifPresent(user -> line.put("user", user.toString()));
        log.info(line.toString());
    }
}
