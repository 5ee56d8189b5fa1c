package com.toaide.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions this instance has recently found live, so a signed-in request does not have to ask
 * the database every time. An entry is trusted for {@link #TRUST_NANOS}; a revocation removes
 * it here at once and, through the {@code aide_sessions} NOTIFY, on every other instance within
 * moments. If that channel drops, everything is forgotten ({@link #clear}), since notices may
 * have been lost meanwhile.
 */
final class LiveSessions {
    /** How long a session found live is believed without asking again; bounds a lost revocation. */
    static final long TRUST_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    record Entry(UUID userId, Instant expiresAt, long foundAtNanos) {}

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    Optional<Entry> get(UUID sessionId) {
        var entry = entries.get(sessionId);
        if (entry == null || System.nanoTime() - entry.foundAtNanos() > TRUST_NANOS) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void put(UUID sessionId, UUID userId, Instant expiresAt) {
        if (entries.size() >= MAX_ENTRIES) {
            // Crude but bounded: the next request of each user reloads its entry.
            entries.clear();
        }
        entries.put(sessionId, new Entry(userId, expiresAt, System.nanoTime()));
    }

    void forgetSession(UUID sessionId) {
        entries.remove(sessionId);
    }

    void forgetUser(UUID userId) {
        entries.values().removeIf(entry -> entry.userId().equals(userId));
    }

    void clear() {
        entries.clear();
    }

    /** A revocation from any instance: {@code session <id>} or {@code user <id>}. */
    void onRevoked(String payload) {
        String[] parts = payload.split(" ", 2);
        try {
            if (parts.length == 2 && parts[0].equals("session")) {
                forgetSession(UUID.fromString(parts[1]));
                return;
            }
            if (parts.length == 2 && parts[0].equals("user")) {
                forgetUser(UUID.fromString(parts[1]));
                return;
            }
        } catch (IllegalArgumentException e) {
            // Falls through: an unreadable notice forgets everything, to be safe.
        }
        clear();
    }
}
