package com.toaide.platform.web;

import com.toaide.kernel.Json;
import com.toaide.platform.failure.Failure;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** What the routes read from a request: path ids and fields sent as a form or as a JSON body. */
public final class Params {
    private static final String BODY = "aide.body";
    private static final String ENDED_EARLY = "The request ended before its body did. Nothing was changed.";
    private Params() {}

    /** A path id; a malformed one is simply something that does not exist for this user (404). */
    public static UUID id(Context ctx, String name) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw new Failure.NotFound();
        }
    }

    /** A positive whole number in the path (a version); anything else is a 404. */
    public static int number(Context ctx, String name) {
        try {
            int n = Integer.parseInt(ctx.pathParam(name));
            if (n < 1) {
                throw new Failure.NotFound();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Failure.NotFound();
        }
    }

    /** A form field, or a string field of a JSON body (by Content-Type); empty when absent or null. */
    public static Optional<String> field(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/json")) {
            return Optional.ofNullable(ctx.formParam(name));
        }
        String body = new String(body(ctx), StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode value = Json.MAPPER.readTree(body).get(name);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
        } catch (JacksonException e) {
            throw new Failure.Invalid("The request body is not valid JSON. Nothing was changed.");
        }
    }

    /**
     * The request body. With a Content-Length (already held to the route's limit by
     * {@link BodyLimits}) it is read in one piece of exactly that size: Javalin's own reading
     * allocates an 8 KB buffer and a copy for every body, a third of an edit's small garbage.
     * A body without a length was read and kept by {@link BodyLimits} or Javalin; that copy is used.
     */
    public static byte[] body(Context ctx) {
        byte[] kept = ctx.attribute(BODY);
        if (kept != null) {
            return kept;
        }
        long length = ctx.contentLength();
        if (length < 0) {
            return ctx.bodyAsBytes();
        }
        final InputStream in;
        try {
            in = ctx.req().getInputStream();
        } catch (IOException e) {
            throw new Failure.Invalid(ENDED_EARLY);
        }
        byte[] body = body(in, (int) length);
        ctx.attribute(BODY, body);
        return body;
    }

    /** A body of a known length, read in one piece; one that ends early or breaks off is refused (400). */
    public static byte[] body(InputStream in, int length) {
        try {
            byte[] body = in.readNBytes(length);
            if (body.length == length) {
                return body;
            }
        } catch (IOException e) {
            // Refused below like a body that ended early.
        }
        throw new Failure.Invalid(ENDED_EARLY);
    }
}
