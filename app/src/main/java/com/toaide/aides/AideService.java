package com.toaide.aides;

import com.toaide.billing.BillingService;
import com.toaide.billing.Tier;
import com.toaide.kernel.Snapshot;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.util.List;
import java.util.UUID;

/** The user's aides: list, create, rename, archive, delete. Every query runs as that user. */
public final class AideService {
    /** Active aides on the free plan (product.md). */
    public static final int FREE_ACTIVE_AIDES = 5;
    private static final int MAX_TITLE = 200;
    private static final String EMPTY_STATE = Snapshot.empty().toJson().toString();

    private final Database db;
    private final BillingService billing;
    private final AideCleanup cleanup;
    // One user's creates take turns on this instance before they take a database connection, so a
    // burst of them waits here rather than holding the pool; the advisory lock covers other instances.
    private final Object[] createLocks = new Object[64];

    public AideService(Database db, BillingService billing) {
        this(db, billing, (userId, aideId) -> { });
    }

    /** {@code cleanup} runs before an aide is deleted (publishing removes its public pages). */
    public AideService(Database db, BillingService billing, AideCleanup cleanup) {
        this.db = db;
        this.billing = billing;
        this.cleanup = cleanup;
        for (int i = 0; i < createLocks.length; i++) {
            createLocks[i] = new Object();
        }
    }

    public List<AideSummary> list(UUID userId) {
        return db.asUser(userId, handle -> handle.attach(AideDao.class).listActive());
    }

    public AideSummary find(UUID userId, UUID aideId) {
        return db.asUser(userId, handle -> handle.attach(AideDao.class).find(aideId)).orElseThrow(Failure.NotFound::new);
    }

    /** A new, empty aide. The free plan keeps at most five active ones. */
    public UUID create(UUID userId) {
        boolean free = billing.tier(userId) == Tier.FREE;
        synchronized (createLocks[Math.floorMod(userId.hashCode(), createLocks.length)]) {
            return db.asUser(userId, handle -> {
                var dao = handle.attach(AideDao.class);
                // Creates of one user take turns until commit, so parallel ones cannot all count the same four.
                dao.lockAideCount();
                if (free && dao.countActive() >= FREE_ACTIVE_AIDES) {
                    throw new Failure.Conflict("The free plan keeps " + FREE_ACTIVE_AIDES
                            + " active pages. Archive one, or upgrade to Pro for unlimited pages.");
                }
                return dao.create(EMPTY_STATE);
            });
        }
    }

    public void rename(UUID userId, UUID aideId, String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > MAX_TITLE) {
            throw new Failure.Invalid("A title needs 1 to " + MAX_TITLE + " characters.");
        }
        if (clean.indexOf('\0') >= 0) {
            throw new Failure.Invalid("A title cannot hold the NUL character.");
        }
        changeOne(userId, handle -> handle.rename(aideId, clean));
    }

    public void archive(UUID userId, UUID aideId) {
        changeOne(userId, handle -> handle.archive(aideId));
    }

    public void delete(UUID userId, UUID aideId) {
        // Outside the transaction: the cleanup may call object storage.
        cleanup.beforeDelete(userId, aideId);
        changeOne(userId, handle -> handle.delete(aideId));
    }

    private void changeOne(UUID userId, java.util.function.ToIntFunction<AideDao> change) {
        int rows = db.asUser(userId, handle -> change.applyAsInt(handle.attach(AideDao.class)));
        if (rows == 0) {
            throw new Failure.NotFound();
        }
    }
}
