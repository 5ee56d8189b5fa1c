package com.toaide.ops;

import io.javalin.http.Context;
import java.util.Map;

/** {@code /health} (liveness, no dependencies) and {@code /health/ready} (database and storage). */
public final class HealthRoutes {
    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    record Live(String status) {}

    record Ready(String status, Map<String, String> checks) {}

    public void live(Context ctx) {
        ctx.json(new Live("ok"));
    }

    public void ready(Context ctx) {
        var report = readiness.check();
        ctx.status(report.ready() ? 200 : 503).json(new Ready(report.ready() ? "ready" : "unavailable", report.checks()));
    }
}
