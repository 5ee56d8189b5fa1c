package com.toaide.aides;

import com.toaide.auth.SessionGuard;
import com.toaide.auth.SessionService;
import com.toaide.platform.web.OriginGuard;
import com.toaide.platform.web.Problem;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.UUID;
import org.slf4j.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /aides/{id}/live}: the owner's tabs on an aide. The upgrade is refused (403, 401,
 * 404) unless it carries the editor's Origin, a live session cookie, and the aide is the
 * user's. Client frames: {@code {"type":"interrupt"}} (stops a running turn; see the AI feature).
 */
public final class LiveRoutes {
    private static final Logger log = LoggerFactory.getLogger(LiveRoutes.class);
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String TAB = "aide.tab";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveHub hub;
    private final SessionService sessions;
    private final AideService aides;
    private final OriginGuard origins;
    private final TurnInterrupts interrupts;

    public LiveRoutes(LiveHub hub, SessionService sessions, AideService aides, OriginGuard origins, TurnInterrupts interrupts) {
        this.interrupts = interrupts;
        this.hub = hub;
        this.sessions = sessions;
        this.aides = aides;
        this.origins = origins;
    }

    /** Runs on the HTTP upgrade request, before any WebSocket exists. */
    public void beforeUpgrade(Context ctx) {
        if (!origins.isSameOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"))) {
            throw new Problem(403, "This connection did not come from an AIde page.");
        }
        var session = sessions.resume(ctx.cookie(SessionGuard.COOKIE))
                .orElseThrow(() -> new Problem(401, "Sign in to continue."));
        aides.find(session.userId(), AideRoutes.aideId(ctx));
    }

    public void channel(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setMaxTextMessageSize(MAX_FRAME_BYTES);
            ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(10));
            var tab = tab(ctx);
            try {
                hub.open(tab);
                ctx.attribute(TAB, tab);
            } catch (Problem refused) {
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
            return "interrupt".equals(JSON.readTree(message).path("type").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The session was checked on the upgrade; it is read again here because the socket outlives that request. */
    private LiveHub.Tab tab(WsContext ctx) {
        var session = sessions.resume(ctx.cookie(SessionGuard.COOKIE)).orElseThrow(() -> new Problem(401, "Sign in to continue."));
        return new LiveHub.Tab(ctx, session.userId(), UUID.fromString(ctx.pathParam("id")));
    }
}
