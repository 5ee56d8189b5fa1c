package com.toaide.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.toaide.platform.web.Params;
import com.toaide.platform.web.RequestUser;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/** {@code POST /aides/{id}/turns} and {@code GET /aides/{id}/turns/{turn}} (docs/ai.md, "Routes"). Another user's aide is a 404. */
public final class TurnRoutes {
    private final TurnService turns;

    public TurnRoutes(TurnService turns) {
        this.turns = turns;
    }

    record Started(@JsonProperty("turn_id") UUID turnId) {}

    /** A turn as the browser polls it; {@code error} only once the turn failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Shown(String status, int applied, int rejected, List<String> voice, String error) {}

    public void start(Context ctx) {
        UUID turn = turns.start(RequestUser.require(ctx), Params.id(ctx, "id"), Params.field(ctx, "message").orElse(null));
        ctx.status(202).json(new Started(turn));
    }

    public void show(Context ctx) {
        var view = turns.turn(RequestUser.require(ctx), Params.id(ctx, "id"), Params.id(ctx, "turn"));
        ctx.json(new Shown(view.status(), view.applied(), view.rejected(), view.voice(), view.error()));
    }
}
