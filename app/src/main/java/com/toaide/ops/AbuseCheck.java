package com.toaide.ops;

import com.toaide.platform.db.Database;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.platform.web.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The abuse thresholds (docs/operations.md), checked every minute: a free user over 20 turns in an
 * hour, over 10 aides created in an hour, over 100 requests in a minute, or a flood of 500
 * requests in 5 minutes. The user is limited ({@link LimitedUsers}) and Slack is told, once per
 * limit. A client address flooding is alerted (as a hash, at most hourly) but limits no one.
 */
public final class AbuseCheck implements Job {
    private static final Logger log = LoggerFactory.getLogger(AbuseCheck.class);

    public static final int FREE_TURNS_PER_HOUR = 20;
    public static final int AIDES_PER_HOUR = 10;
    public static final int REQUESTS_PER_MINUTE = 100;
    public static final int REQUESTS_PER_FIVE_MINUTES = 500;
    /** How long a limit lasts; an operator can lift it sooner (docs/operations.md). */
    public static final Duration LIMIT_FOR = Duration.ofHours(1);
    private static final RateLimiter.Limit IP_ALERTS = new RateLimiter.Limit("abuse-alert-ip", 1, Duration.ofHours(1));

    private final Database db;
    private final RateLimiter limiter;
    private final Alerts alerts;
    private final Clock clock;

    public AbuseCheck(Database db, RateLimiter limiter, Alerts alerts, Clock clock) {
        this.db = db;
        this.limiter = limiter;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "abuse-check";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    /** What one run found and did, for the log and for tests. */
    public record Findings(Map<UUID, String> limitedUsers, List<String> floodingAddresses) {}

    @Override
    public void run() {
        check();
    }

    public Findings check() {
        Instant now = clock.instant();
        // The previous (complete) minute and the current one: a burst is seen whichever it fell in.
        Instant lastMinutes = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 60) * 60 - 60);
        Instant lastFive = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 60) * 60 - 4 * 60);
        Instant lastHour = now.minus(Duration.ofHours(1));
        String users = RequestLimits.PER_USER.name();
        String addresses = RequestLimits.PER_IP.name();

        Map<UUID, String> offenders = new LinkedHashMap<>();
        List<String> floods = new ArrayList<>();
        db.asSystem(handle -> {
            var dao = handle.attach(AbuseDao.class);
            dao.freeTurnsSince(lastHour, FREE_TURNS_PER_HOUR)
                    .forEach(o -> offenders.putIfAbsent(UUID.fromString(o.subject()), o.count() + " turns in the last hour (free plan; threshold " + FREE_TURNS_PER_HOUR + ")"));
            dao.aidesCreatedSince(lastHour, AIDES_PER_HOUR)
                    .forEach(o -> offenders.putIfAbsent(UUID.fromString(o.subject()), o.count() + " aides created in the last hour (threshold " + AIDES_PER_HOUR + ")"));
            dao.busiestWindowSince(users, lastMinutes, REQUESTS_PER_MINUTE).forEach(o -> userSubject(o.subject())
                    .ifPresent(id -> offenders.putIfAbsent(id, o.count() + " requests in one minute (threshold " + REQUESTS_PER_MINUTE + ")")));
            dao.totalSince(users, lastFive, REQUESTS_PER_FIVE_MINUTES).forEach(o -> userSubject(o.subject())
                    .ifPresent(id -> offenders.putIfAbsent(id, o.count() + " requests in five minutes (threshold " + REQUESTS_PER_FIVE_MINUTES + ")")));
            dao.totalSince(addresses, lastFive, REQUESTS_PER_FIVE_MINUTES).forEach(o -> floods.add(o.subject()));
            return null;
        });

        Map<UUID, String> limited = new LinkedHashMap<>();
        Instant until = now.plus(LIMIT_FOR);
        offenders.forEach((userId, why) -> {
            boolean newly = db.asSystem(handle -> handle.attach(AbuseDao.class).limit(userId, now, until));
            if (newly) {
                limited.put(userId, why);
            }
        });
        List<String> alertedFloods = floods.stream().map(AbuseCheck::addressHash)
                .filter(hash -> limiter.hit(IP_ALERTS, hash).allowed()).toList();

        // Alerts go out after the transactions: a Slack call inside one would hold its connection.
        limited.forEach((userId, why) -> alerts.send(":rotating_light: AIde abuse check: user " + userId
                + " limited for " + LIMIT_FOR.toMinutes() + " minutes: " + why + "."));
        alertedFloods.forEach(hash -> alerts.send(":rotating_light: AIde abuse check: a client address (hash " + hash
                + ") sent over " + REQUESTS_PER_FIVE_MINUTES + " requests in five minutes."));
        if (!limited.isEmpty() || !alertedFloods.isEmpty()) {
            log.warn("Abuse check limited {} user(s) and saw {} flooding address(es)", limited.size(), alertedFloods.size());
        }
        return new Findings(limited, alertedFloods);
    }

    private static Optional<UUID> userSubject(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Addresses are personal data: alerts carry a short hash, enough to tell floods apart. */
    static String addressHash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("aide.ip:" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
