package com.toaide.platform.web;

import com.toaide.platform.limits.BufferedRateLimiter;
import com.toaide.platform.limits.RateLimiter;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.UUID;

/**
 * 100 requests per minute per user and per client IP on the editor's signed-in routes
 * (docs/security.md, "Limits"): a 429 with {@code Retry-After} past that. The counters are Postgres
 * windows kept through {@link BufferedRateLimiter} (no round trip per request), so the limit holds
 * across instances, and the abuse check reads the same rows ({@link #PER_USER}, {@link #PER_IP}
 * name them).
 */
public final class RequestLimits {
    public static final RateLimiter.Limit PER_USER = new RateLimiter.Limit("editor-user", 100, Duration.ofMinutes(1));
    public static final RateLimiter.Limit PER_IP = new RateLimiter.Limit("editor-ip", 100, Duration.ofMinutes(1));

    private final BufferedRateLimiter limiter;
    private final ClientIp clientIp;

    public RequestLimits(BufferedRateLimiter limiter, ClientIp clientIp) {
        this.limiter = limiter;
        this.clientIp = clientIp;
    }

    /** A beforeMatched step, after the session guard: counts every signed-in request, both ways. */
    public void check(Context ctx) {
        var roles = ctx.routeRoles();
        if (!roles.contains(Role.USER) && !roles.contains(Role.ADMIN)) {
            return;
        }
        var user = RequestUser.of(ctx);
        if (user.isEmpty()) {
            return;
        }
        check(user.get(), clientIp.of(ctx));
    }

    /** Counts a signed-in request of {@code user} from {@code address}; throws a 429 {@code Failure.Limited} past either limit. */
    public void check(UUID user, String address) {
        // Both counters take the hit, so a user switching addresses (or an address cycling
        // accounts) is still counted on the other side.
        var byUser = limiter.hit(PER_USER, user.toString());
        // A loopback address is a local client (dev, tests, a proxy on the same host), not an
        // internet client: counting it would throttle everyone behind it together.
        var byIp = isLoopback(address) ? byUser : limiter.hit(PER_IP, address);
        if (!byUser.allowed() || !byIp.allowed()) {
            long wait = Math.max(byUser.allowed() ? 0 : byUser.retryAfterSeconds(), byIp.allowed() ? 0 : byIp.retryAfterSeconds());
            throw RateLimiter.exceeded("Too many requests. Try again in " + RateLimiter.howLong(wait) + ".", wait);
        }
    }

    static boolean isLoopback(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return bare.startsWith("127.") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }
}
