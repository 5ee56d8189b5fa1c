package com.toaide.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Session cookies this instance has recently verified and found live, so a signed-in request
 * neither checks the signature again nor asks the database. Keyed by the exact cookie value, so
 * only a token this instance verified itself can match. An entry is trusted for
 * {@link #TRUST_NANOS}; a revocation removes it here at once and, through the
 * {@code aide_sessions} NOTIFY, on every other instance within moments. If that channel drops,
 * everything is forgotten ({@link #clear}), since notices may have been lost meanwhile.
 */
final class LiveSessions {
    /** How long a session found live is believed without asking again; bounds a lost revocation. */
    static final long TRUST_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    /** {@code validUntil}: the earlier of the token's and the session's expiry. */
    record Entry(UUID sessionId, UUID userId, Instant validUntil, long foundAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<Entry> get(String token) {
        var entry = entries.get(token);
        if (entry == null || System.nanoTime() - entry.foundAtNanos() > TRUST_NANOS) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void put(String token, UUID sessionId, UUID userId, Instant validUntil) {
        if (entries.size() >= MAX_ENTRIES) {
            // Crude but bounded: the next request of each user reloads its entry.
            entries.clear();
        }
        entries.put(token, new Entry(sessionId, userId, validUntil, System.nanoTime()));
    }

    void forgetSession(UUID sessionId) {
        entries.values().removeIf(entry -> entry.sessionId().equals(sessionId));
    }

    void forgetUser(UUID userId) {
        entries.values().removeIf(entry -> entry.userId().equals(userId));
    }

    void clear() {
        entries.clear();
    }

    /** A revocation from any instance: {@code session <id>} or {@code user <id>}. An unreadable one forgets everything. */
    void onRevoked(String payload) {
        ended(payload).ifPresentOrElse(
                ended -> entries.values().removeIf(entry -> ended.test(new SessionService.Session(entry.sessionId(), entry.userId(), null))),
                this::clear);
    }

    /** Which sessions a revocation notice ended; empty when it cannot be read. */
    static Optional<Predicate<SessionService.Session>> ended(String payload) {
        String[] parts = payload.split(" ", 2);
        try {
            if (parts.length == 2 && parts[0].equals("session")) {
                UUID id = UUID.fromString(parts[1]);
                return Optional.of(session -> session.id().equals(id));
            }
            if (parts.length == 2 && parts[0].equals("user")) {
                UUID user = UUID.fromString(parts[1]);
                return Optional.of(session -> session.userId().equals(user));
            }
        } catch (IllegalArgumentException e) {
            // Unreadable: the caller asks the database instead.
        }
        return Optional.empty();
    }
}
