package com.toaide.aides;

import com.toaide.auth.SessionGuard;
import com.toaide.auth.SessionService;
import com.toaide.kernel.Json;
import com.toaide.platform.web.Params;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.failure.Failure;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.UUID;
import org.slf4j.Logger;
import tools.jackson.core.JacksonException;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /aides/{id}/live}: the owner's tabs on an aide. The route table's guards refuse an
 * upgrade without the editor's Origin (403) or a live session (401); here, an aide that is not
 * the user's is a 404. Client frames: {@code {"type":"interrupt"}} (stops a running turn; see the AI feature).
 */
public final class LiveRoutes {
    private static final Logger log = LoggerFactory.getLogger(LiveRoutes.class);
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String TAB = "aide.tab";

    private final LiveHub hub;
    private final SessionService sessions;
    private final AideService aides;
    private final TurnInterrupts interrupts;

    public LiveRoutes(LiveHub hub, SessionService sessions, AideService aides, TurnInterrupts interrupts) {
        this.interrupts = interrupts;
        this.hub = hub;
        this.sessions = sessions;
        this.aides = aides;
    }

    /** Runs on the HTTP upgrade request, after the guards, before any WebSocket exists. */
    public void beforeUpgrade(Context ctx) {
        aides.find(RequestUser.require(ctx), Params.id(ctx, "id"));
    }

    public void channel(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setMaxTextMessageSize(MAX_FRAME_BYTES);
            ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(10));
            var tab = tab(ctx);
            try {
                hub.open(tab);
                ctx.attribute(TAB, tab);
            } catch (Failure refused) {
                ctx.closeSession(4429, refused.getMessage());
            }
        });
        ws.onMessage(ctx -> {
            LiveHub.Tab tab = ctx.attribute(TAB);
            if (tab != null && isInterrupt(ctx.message())) {
                interrupts.interrupt(tab.userId(), tab.aideId());
            } else {
                log.debug("Live frame of {} characters ignored", ctx.message().length());
            }
        });
        ws.onClose(ctx -> {
            LiveHub.Tab tab = ctx.attribute(TAB);
            if (tab != null) {
                hub.close(tab);
            }
        });
        ws.onError(ctx -> {
            LiveHub.Tab tab = ctx.attribute(TAB);
            if (tab != null) {
                hub.close(tab);
            }
        });
    }

    private static boolean isInterrupt(String message) {
        try {
            return "interrupt".equals(Json.MAPPER.readTree(message).path("type").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The session was checked on the upgrade; it is read again here because the socket outlives that request. */
    private LiveHub.Tab tab(WsContext ctx) {
        var session = sessions.resume(ctx.cookie(SessionGuard.COOKIE)).orElseThrow(() -> new UnauthorizedResponse("Sign in to continue."));
        return new LiveHub.Tab(ctx, session.userId(), UUID.fromString(ctx.pathParam("id")), session.id());
    }
}
