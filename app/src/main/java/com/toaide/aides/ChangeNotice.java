package com.toaide.aides;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Aide X is now at version N; these subtrees changed" (empty: the whole page), sent through
 * Postgres NOTIFY so every instance with an open live channel on that aide hears it.
 * Payload: {@code <aide id> <version> <ids comma-separated | *>}; NOTIFY payloads are limited
 * to 8000 bytes, so a long list becomes "*".
 */
record ChangeNotice(UUID aideId, long version, Optional<Set<String>> changed) {
    private static final int MAX_PAYLOAD = 7_000;

    String payload() {
        String ids = changed.map(set -> String.join(",", set)).orElse("*");
        String payload = aideId + " " + version + " " + (ids.isEmpty() ? "*" : ids);
        return payload.length() <= MAX_PAYLOAD ? payload : aideId + " " + version + " *";
    }

    static Optional<ChangeNotice> parse(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Optional<Set<String>> changed = "*".equals(parts[2])
                    ? Optional.empty()
                    : Optional.of(new LinkedHashSet<>(Arrays.asList(parts[2].split(","))));
            return Optional.of(new ChangeNotice(UUID.fromString(parts[0]), Long.parseLong(parts[1]), changed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
