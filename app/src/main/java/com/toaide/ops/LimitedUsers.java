package com.toaide.ops;

import com.toaide.platform.db.Database;
import com.toaide.platform.web.Problem;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Role;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Users the abuse check has limited ({@code users.limited_until} in the future). A limited user
 * can still read, sign out, pay and delete their account, but gets a plain 429 on the editor's
 * state-changing routes (every POST under {@code /aides}, which includes turns).
 *
 * <p>Work that changes an aide without such a POST (a turn started from elsewhere) calls
 * {@link #requireNotLimited(UUID)} first.
 */
public final class LimitedUsers {
    private final Database db;
    private final Clock clock;

    public LimitedUsers(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** When the user's limit ends, if they are limited now. */
    public Optional<Instant> limitedUntil(UUID userId) {
        Instant now = clock.instant();
        return db.asUser(userId, handle -> handle.attach(AbuseDao.class).limitedUntil())
                .filter(until -> until.isAfter(now));
    }

    /** Throws a 429 {@link Problem} (with Retry-After) while the user is limited. */
    public void requireNotLimited(UUID userId) {
        var until = limitedUntil(userId);
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), until.get()).toSeconds());
            throw new Problem(429, "Your account is paused for a while after unusual activity. Nothing was changed; try again later.",
                    Duration.ofSeconds(seconds));
        }
    }

    /** The beforeMatched step: signed-in POSTs under {@code /aides} are refused while limited. */
    public void guard(Context ctx) {
        if (!"POST".equals(ctx.method().name()) || !ctx.routeRoles().contains(Role.USER)) {
            return;
        }
        String path = matchedPath(ctx);
        if (!path.equals("/aides") && !path.startsWith("/aides/")) {
            return;
        }
        RequestUser.of(ctx).ifPresent(this::requireNotLimited);
    }

    // In a before handler ctx.endpoint() is that handler; the route it guards is the matched one.
    private static String matchedPath(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? ctx.path() : endpoint.path;
        } catch (RuntimeException none) {
            return ctx.path();
        }
    }
}
