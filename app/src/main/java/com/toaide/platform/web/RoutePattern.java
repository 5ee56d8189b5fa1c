package com.toaide.platform.web;

import io.javalin.http.Context;

/** The matched route pattern of a request (e.g. {@code /aides/{id}}), for logs and reports. */
public final class RoutePattern {
    private RoutePattern() {}

    public static String of(Context ctx) {
        try {
            // The route the request matched, not the step running now: a guard's refusal is logged
            // under its route, not under the guard's "*".
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException noEndpoint) {
            return "unmatched";
        }
    }
}
