package com.toaide.ai;

import com.toaide.platform.web.Problem;
import com.toaide.platform.web.RequestUser;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /aides/{id}/turns} and {@code GET /aides/{id}/turns/{turn}} (web.md). Another user's aide is a 404. */
public final class TurnRoutes {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TurnService turns;

    public TurnRoutes(TurnService turns) {
        this.turns = turns;
    }

    public void start(Context ctx) {
        UUID turn = turns.start(user(ctx), id(ctx.pathParam("id")), message(ctx));
        ctx.status(202).json(Map.of("turn_id", turn));
    }

    public void show(Context ctx) {
        var view = turns.turn(user(ctx), id(ctx.pathParam("id")), id(ctx.pathParam("turn")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", view.status());
        body.put("applied", view.applied());
        body.put("rejected", view.rejected());
        body.put("voice", view.voice());
        if (view.error() != null) {
            body.put("error", view.error());
        }
        ctx.json(body);
    }

    /** Form field or JSON {@code message}. */
    private static String message(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/json")) {
            try {
                return JSON.readTree(ctx.body()).path("message").asString(null);
            } catch (JacksonException e) {
                throw new Problem(400, "The request is not valid JSON.");
            }
        }
        return ctx.formParam("message");
    }

    private static UUID user(Context ctx) {
        return RequestUser.of(ctx).orElseThrow();
    }

    /** A malformed id is simply something that does not exist for this user. */
    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound();
        }
    }
}
