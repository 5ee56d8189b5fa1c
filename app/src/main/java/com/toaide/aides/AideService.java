package com.toaide.aides;

import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import com.toaide.kernel.Snapshot;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.util.List;
import java.util.UUID;

/** The user's aides: list, create, rename, archive, delete. Every query runs as that user. */
public final class AideService {
    /** Active aides on the free plan (docs/security.md, "Limits"). */
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

    /** The active aides, newest first. */
    public List<AideSummary> list(UUID userId) {
        return db.asUser(userId, handle -> handle.attach(AideDao.class).list("active"));
    }

    /**
     * What the dashboard shows: the active and archived aides, and, when the free plan's pages
     * are all in use, what to do about it ({@code limit}, else null); {@code upgrade} when billing is on.
     */
    public record Overview(List<AideSummary> active, List<AideSummary> archived, String limit, boolean upgrade) {}

    public Overview overview(UUID userId) {
        boolean free = billing.plan(userId) == Plan.FREE;
        return db.asUser(userId, handle -> {
            var dao = handle.attach(AideDao.class);
            return new Overview(dao.list("active"), dao.list("archived"),
                    free && dao.countCounted() >= FREE_ACTIVE_AIDES ? limitMessage() : null, billing.enabled());
        });
    }

    public AideSummary find(UUID userId, UUID aideId) {
        return EditDao.alone(db, userId).summary(aideId).orElseThrow(Failure.NotFound::new);
    }

    /**
     * A page to start on: the user's page never edited if there is one (so "New page" clicked
     * twice does not pile up empty pages), else a new one. Pages never edited and archived pages
     * do not count toward the free plan's five; at the limit the answer is a {@code 409} saying
     * what to do.
     */
    public UUID create(UUID userId) {
        boolean free = billing.plan(userId) == Plan.FREE;
        synchronized (createLocks[Math.floorMod(userId.hashCode(), createLocks.length)]) {
            return db.asUser(userId, handle -> {
                var dao = handle.attach(AideDao.class);
                // Creates of one user take turns until commit, so parallel ones cannot all count the same four.
                dao.lockAideCount();
                var empty = dao.reuseEmpty();
                if (empty.isPresent()) {
                    return empty.get();
                }
                if (free && dao.countCounted() >= FREE_ACTIVE_AIDES) {
                    throw new Failure.Conflict(limitMessage());
                }
                return dao.create(EMPTY_STATE);
            });
        }
    }

    /** What the free plan's limit says, in the product's words; upgrading is offered only when billing is on. */
    private String limitMessage() {
        return "The free plan keeps " + FREE_ACTIVE_AIDES + " pages going at once, and all " + FREE_ACTIVE_AIDES
                + " are in use. Archive one to start another" + (billing.enabled() ? ", or upgrade to Pro for unlimited pages." : ".");
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

    /** Archives the aide; its published page, if any, stays up. */
    public void archive(UUID userId, UUID aideId) {
        changeOne(userId, handle -> handle.archive(aideId));
    }

    /** Brings an archived aide back; on the free plan only while fewer than five pages count. */
    public void unarchive(UUID userId, UUID aideId) {
        boolean free = billing.plan(userId) == Plan.FREE;
        synchronized (createLocks[Math.floorMod(userId.hashCode(), createLocks.length)]) {
            db.asUser(userId, handle -> {
                var dao = handle.attach(AideDao.class);
                dao.lockAideCount();
                var aide = new EditDao(handle).summary(aideId).orElseThrow(Failure.NotFound::new);
                if (aide.status().equals("active")) {
                    return 0; // Undo pressed twice: it is back already.
                }
                if (free && dao.countCounted() >= FREE_ACTIVE_AIDES) {
                    throw new Failure.Conflict(limitMessage());
                }
                return dao.unarchive(aideId);
            });
        }
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
