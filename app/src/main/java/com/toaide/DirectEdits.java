package com.toaide;

import static com.toaide.platform.web.Policy.PAUSABLE;
import static com.toaide.platform.web.Policy.SMALL_BODY;
import static com.toaide.platform.web.Role.USER;

import com.toaide.aides.AideRoutes;
import com.toaide.auth.SessionGuard;
import com.toaide.auth.SessionService;
import com.toaide.platform.web.BodyLimits;
import com.toaide.platform.web.ClientIp;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Params;
import com.toaide.platform.web.RequestIds;
import com.toaide.platform.web.RequestLog;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /aides/{id}/events}, the request direct editing makes for every change, answered on
 * Jetty's core API in front of Javalin: the servlet layer and Javalin's steps around the route were
 * a fifth of an edit's CPU (docs/performance.md). It runs the route's guards (its line in the route
 * table carries {@link #ROLES}) through the guards' own methods, in the route table's order, and
 * answers with {@link AideRoutes#edit}, so no rule is written twice.
 *
 * <p>Only the common case is taken here. Anything else passes to Javalin untouched, which answers
 * it as it answers every route: a caller that does not want JSON, a body without a length or over
 * the limit, another origin, and a session this instance has not checked yet or must renew (so
 * signing in, renewing and refusing a visitor stay the session guard's alone).
 */
final class DirectEdits extends Handler.Wrapper {
    /** The route table's roles for this route; the checks below are these and no others. */
    static final RouteRole[] ROLES = {USER, PAUSABLE, SMALL_BODY};
    static final String ROUTE = "/aides/{id}/events";
    private static final String PREFIX = "/aides/";
    private static final String SUFFIX = "/events";
    private static final int ID_CHARS = 36;
    private static final String JSON = "application/json";

    private final Wiring.Guards guards;
    private final SessionService sessions;
    private final ClientIp clientIp;
    private final AideRoutes aides;
    private final Errors errors;
    private final RequestLog requestLog;
    private final LongAdder served = new LongAdder();

    DirectEdits(Wiring.Guards guards, SessionService sessions, ClientIp clientIp, AideRoutes aides, Errors errors,
                RequestLog requestLog) {
        this.guards = guards;
        this.sessions = sessions;
        this.clientIp = clientIp;
        this.aides = aides;
        this.errors = errors;
        this.requestLog = requestLog;
    }

    /** How many edits were answered here rather than by Javalin (tests read it). */
    long served() {
        return served.sum();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        UUID aide = aideOf(request);
        SessionService.Session session = aide == null ? null : commonCase(request);
        if (session == null) {
            return super.handle(request, response, callback);
        }
        served.increment();
        HttpFields.Mutable headers = response.getHeaders();
        // Javalin's before step: the request id, the instance's activity, the security headers.
        String requestId = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        headers.put(RequestIds.HEADER, requestId);
        guards.activity().touch();
        guards.traffic().request();
        guards.securityHeaders().apply(headers::put);
        UUID user = session.userId();
        int status;
        String json;
        try {
            // The beforeMatched steps that count or may refuse (origin, body size and session were checked above).
            guards.requestLimits().check(user, clientIp.of(Request.getRemoteAddr(request), lastForwarded(request),
                    request.getHeaders().get(ClientIp.CLOUDFLARE)));
            guards.limitedUsers().requireNotLimited(user);
            var answer = aides.edit(user, aide, Params.body(Content.Source.asInputStream(request), (int) request.getLength()));
            status = answer.status();
            json = answer.json();
        } catch (Exception e) {
            readRest(request);
            var refusal = errors.refusal(e, "POST", ROUTE, requestId, user);
            if (refusal.retryAfterSeconds() > 0) {
                headers.put("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            }
            status = refusal.status();
            json = Errors.json(refusal.status(), refusal.message(), requestId);
        }
        response.setStatus(status);
        headers.put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        requestLog.write(requestId, "POST", ROUTE, status, (System.nanoTime() - start) / 1e6f, user);
        return true;
    }

    /**
     * A refusal before the body was read (too many requests, a paused user) waits for it, as
     * {@link BodyLimits#readRest} does on Javalin's routes, so every answer comes after the body
     * the client is sending. At most 64 KB here (checked in {@link #commonCase}).
     */
    private static void readRest(Request request) {
        try {
            Content.Source.consumeAll(request);
        } catch (IOException gone) {
            // The client stopped sending: nobody is left to hear the answer.
        }
    }

    /** The aide's id when the request is a POST to this route with a well-formed one, else null. */
    private static UUID aideOf(Request request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getHttpURI().getPath();
        if (path == null || path.length() != PREFIX.length() + ID_CHARS + SUFFIX.length()
                || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            return null;
        }
        try {
            return UUID.fromString(path.substring(PREFIX.length(), PREFIX.length() + ID_CHARS));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /**
     * The signed-in user's live session when every check before the handler that refuses without
     * counting would pass (the body limit, the origin, the session), else null: Javalin takes it.
     */
    private SessionService.Session commonCase(Request request) {
        HttpFields fields = request.getHeaders();
        long length = request.getLength();
        if (length < 0 || length > BodyLimits.SMALL_BYTES || !Errors.wantsJson(fields.get(HttpHeader.ACCEPT))
                || !guards.origins().isSameOrigin(fields.get(HttpHeader.ORIGIN), fields.get("Sec-Fetch-Site"))) {
            return null;
        }
        return sessions.known(sessionCookie(request)).orElse(null);
    }

    private static String sessionCookie(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (SessionGuard.COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String lastForwarded(Request request) {
        List<String> lines = request.getHeaders().getValuesList(ClientIp.FORWARDED);
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }
}
