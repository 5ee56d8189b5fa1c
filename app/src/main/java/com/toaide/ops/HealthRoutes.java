package com.toaide.ops;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} (liveness, no dependencies) and {@code /health/ready} (database and storage). */
public final class HealthRoutes {
    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    public void live(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    public void ready(Context ctx) {
        var report = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "ready" : "unavailable");
        body.put("checks", report.checks());
        ctx.status(report.ready() ? 200 : 503).json(body);
    }
}
