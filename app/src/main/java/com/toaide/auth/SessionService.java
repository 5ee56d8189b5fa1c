package com.toaide.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.toaide.platform.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Sessions (docs/security.md): a signed HS256 JWT in the cookie carries a session id, and that id
 * must still be live in the {@code sessions} table, so signing out really revokes the cookie.
 * Sessions found live are remembered for a minute ({@link LiveSessions}); every revocation is
 * announced to all instances, which forget it at once.
 */
public final class SessionService {
    public static final Duration LIFETIME = Duration.ofDays(30);
    /** A session is renewed when it has less than 29 days left, so at most once a day. */
    private static final Duration RENEW_AFTER = Duration.ofDays(1);
    private static final String ISSUER = "aide";
    /** NOTIFY channel of revoked sessions: {@code session <id>} or {@code user <id>}. */
    public static final String REVOKED_CHANNEL = "aide_sessions";

    private final Database db;
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final LiveSessions live = new LiveSessions();
    private final List<Consumer<Predicate<Session>>> endListeners = new CopyOnWriteArrayList<>();

    public SessionService(Database db, String secret, Clock clock) {
        this.db = db;
        this.algorithm = Algorithm.HMAC256(secret);
        // Expiry and issue time are checked against the same clock the tokens are signed with.
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
        this.clock = clock;
    }

    /** A live session. {@code token} is a cookie value to set, or null when the cookie in hand is still good. */
    public record Session(UUID id, UUID userId, String token) {}

    public Session start(UUID userId) {
        Instant expires = clock.instant().plus(LIFETIME);
        UUID id = db.asUser(userId, handle -> handle.attach(SessionDao.class).create(userId, expires));
        return new Session(id, userId, sign(id, userId, expires));
    }

    /**
     * The session behind a cookie, or empty when the cookie is missing, forged, expired or
     * revoked. A live session is renewed for another 30 days, at most once a day: checking it is
     * a read (usually of {@link LiveSessions}, not the database), writing it is not.
     * {@code token} is the new cookie value when it was renewed, else null.
     */
    public Optional<Session> resume(String token) {
        var known = known(token);
        if (known.isPresent() || token == null || token.isBlank()) {
            return known;
        }
        Instant renewed = clock.instant().plus(LIFETIME);
        final UUID sessionId;
        final UUID claimedUser;
        final Instant tokenExpires;
        try {
            var jwt = verifier.verify(token);
            sessionId = UUID.fromString(jwt.getClaim("sid").asString());
            claimedUser = UUID.fromString(jwt.getSubject());
            tokenExpires = jwt.getExpiresAtAsInstant();
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return db.asUser(claimedUser, handle -> {
            return new LiveSessionDao(handle).live(sessionId)
                    .filter(found -> found.userId().equals(claimedUser))
                    .map(found -> {
                        Instant validUntil = earlier(tokenExpires, found.expiresAt());
                        if (validUntil.isAfter(renewed.minus(RENEW_AFTER))) {
                            live.put(token, sessionId, claimedUser, validUntil);
                            return new Session(sessionId, claimedUser, null);
                        }
                        handle.attach(SessionDao.class).renew(sessionId, renewed);
                        String fresh = sign(sessionId, claimedUser, renewed);
                        live.put(fresh, sessionId, claimedUser, renewed);
                        return new Session(sessionId, claimedUser, fresh);
                    });
        });
    }

    /**
     * The session behind a cookie this instance has already checked and need not renew yet: a read
     * of {@link LiveSessions} only, never the database. Empty says only that {@link #resume} must decide.
     */
    public Optional<Session> known(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        var known = live.get(token);
        if (known.isPresent() && known.get().validUntil().isAfter(clock.instant().plus(LIFETIME).minus(RENEW_AFTER))) {
            return Optional.of(new Session(known.get().sessionId(), known.get().userId(), null));
        }
        return Optional.empty();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Signs out this session, here and on every instance. */
    public void end(Session session) {
        db.asUser(session.userId(), handle -> {
            var dao = handle.attach(SessionDao.class);
            dao.revoke(session.id());
            return dao.announceRevoked("session " + session.id());
        });
        live.forgetSession(session.id());
    }

    /** Signs out every session of the user (account deletion), here and on every instance. */
    public void endAll(UUID userId) {
        db.asUser(userId, handle -> {
            var dao = handle.attach(SessionDao.class);
            dao.revokeAll(userId);
            return dao.announceRevoked("user " + userId);
        });
        live.forgetUser(userId);
    }

    /**
     * {@code listener} is told, with a test of which sessions ended, whenever sessions end on any
     * instance: what outlives a request (an open live channel) closes with its session.
     */
    public void onEnded(Consumer<Predicate<Session>> listener) {
        endListeners.add(listener);
    }

    /** A NOTIFY on {@link #REVOKED_CHANNEL} from any instance (this one's included). */
    public void onRevoked(String payload) {
        live.onRevoked(payload);
        tell(LiveSessions.ended(payload).orElse(this::isEnded));
    }

    /** The revocation channel dropped: notices may be lost, so trust nothing remembered. */
    public void forgetAll() {
        live.clear();
        tell(this::isEnded);
    }

    private void tell(Predicate<Session> ended) {
        endListeners.forEach(listener -> listener.accept(ended));
    }

    /** Asks the database: for when a revocation may have been missed. */
    private boolean isEnded(Session session) {
        return db.asUser(session.userId(), handle -> new LiveSessionDao(handle).live(session.id()))
                .filter(found -> found.userId().equals(session.userId()))
                .isEmpty();
    }

    private String sign(UUID sessionId, UUID userId, Instant expires) {
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(userId.toString())
                .withClaim("sid", sessionId.toString())
                .withIssuedAt(clock.instant())
                .withExpiresAt(expires)
                .sign(algorithm);
    }
}
