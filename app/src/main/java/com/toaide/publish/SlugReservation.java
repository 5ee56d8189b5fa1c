package com.toaide.publish;

import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.JdbiException;

/**
 * Which address a publish goes to, reserved in the database before anything is uploaded: the
 * slug the aide holds, else the one a Pro user chose, else a random one. The unique slug column
 * settles two aides racing for the same address.
 */
final class SlugReservation {
    private static final int SLUG_ATTEMPTS = 8;

    private final Database db;
    private final RandomGenerator random;

    SlugReservation(Database db, RandomGenerator random) {
        this.db = db;
        this.random = random;
    }

    /**
     * Where a publish goes: the slug, the version number, and when the snapshot was read
     * ({@code readAt}, the database's clock, taken before the read so a change after it still
     * counts as unpublished).
     */
    record Target(String slug, int version, Instant readAt) {}

    /** The aide's slug: the one it holds, else {@code chosen}, else a random one; reserved before any upload. */
    Target reserve(UUID userId, UUID aideId, Optional<String> chosen) {
        record State(PublishDao.AideRow aide, int last, Instant now) {}
        var state = db.asUser(userId, handle -> {
            var dao = handle.attach(PublishDao.class);
            var aide = dao.find(aideId).orElseThrow(Failure.NotFound::new);
            return new State(aide, dao.lastVersion(aideId), dao.now());
        });
        String held = state.aide().slug();
        if (held != null) {
            if (chosen.isPresent() && !chosen.get().equals(held)) {
                throw new Failure.Conflict("This page already lives at /s/" + held
                        + ". Its address stays the same so shared links keep working.");
            }
            return new Target(held, state.last() + 1, state.now());
        }
        // A slug this user held before (on an aide since deleted) continues its numbering.
        if (chosen.isPresent()) {
            if (!tryReserve(userId, aideId, chosen.get())) {
                throw new Failure.Conflict("The address \"" + chosen.get() + "\" is taken. Choose another.");
            }
            return new Target(chosen.get(), lastVersion(userId, aideId) + 1, state.now());
        }
        for (int attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
            String slug = Slugs.random(random);
            if (tryReserve(userId, aideId, slug)) {
                return new Target(slug, lastVersion(userId, aideId) + 1, state.now());
            }
        }
        throw new Failure.Unavailable("No free address was found for this page. Try again.",
                "no free random slug after " + SLUG_ATTEMPTS + " attempts", null);
    }

    private int lastVersion(UUID userId, UUID aideId) {
        return db.asUser(userId, handle -> handle.attach(PublishDao.class).lastVersion(aideId));
    }

    /** True when the slug is now this aide's; false when another aide or another user holds it. */
    private boolean tryReserve(UUID userId, UUID aideId, String slug) {
        try {
            return db.asUser(userId, handle -> {
                var dao = handle.attach(PublishDao.class);
                var aide = dao.lock(aideId).orElseThrow(Failure.NotFound::new);
                if (aide.slug() != null) {
                    // Another request reserved one meanwhile: that one stays.
                    return aide.slug().equals(slug);
                }
                return dao.claim(slug) && dao.reserve(aideId, slug) == 1;
            });
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
