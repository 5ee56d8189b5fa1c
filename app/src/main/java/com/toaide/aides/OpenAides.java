package com.toaide.aides;

import com.toaide.kernel.History;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * The aides being edited, kept in memory so an edit costs the size of the change, not a reload.
 * Postgres stays the truth: a cached history is used only while its version equals the row's
 * {@code log_seq} (another instance may have written since).
 *
 * <p>A history holds the aide's snapshot and its undo bookkeeping (the ids of its latest
 * batches), not its log: a {@link History#resume resumed} history reads the stored log for undo
 * and redo. A snapshot may be large, so the cache is bounded by an estimate of these bytes as
 * well as by aides: least recently used ones drop out when either bound is passed. The estimate
 * comes from figures already at hand (the snapshot's JSON as stored, the number of batch ids
 * remembered), never from walking the snapshot.
 *
 * <p>Each aide has one lock: every read or change of its history happens while holding it.
 */
final class OpenAides {
    /**
     * @param stateChars the length of the snapshot's JSON
     * @param bytes      the estimate when kept
     */
    private record Open(UUID owner, History history, EditAnswers answers, long stateChars, long bytes) {}

    /** A snapshot in memory takes about this many times its JSON's length (objects, maps, strings). */
    static final long STATE_FACTOR = 3;
    /**
     * A batch id the undo bookkeeping remembers: the id (a UUID's text), its place in the set of
     * recent ids and its done-stack record; measured (JOL) at 160 bytes.
     */
    static final long BATCH_BYTES = 160;

    private final int maxAides;
    private final long maxBytes;
    private final LinkedHashMap<UUID, Open> histories = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    // Lock striping: a fixed set of locks, so the map of locks cannot grow with every aide ever opened.
    private final Object[] locks = new Object[1024];

    OpenAides(int maxAides, long maxBytes) {
        this.maxAides = maxAides;
        this.maxBytes = maxBytes;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    Object lock(UUID aideId) {
        return locks[Math.floorMod(aideId.hashCode(), locks.length)];
    }

    /** The cached history if it is at {@code version}, else null. Call while holding the aide's lock. */
    History at(UUID aideId, long version) {
        synchronized (histories) {
            Open open = histories.get(aideId);
            return open != null && open.history().version() == version ? open.history() : null;
        }
    }

    /**
     * The cached history if {@code owner} owns the aide, else null; its version is checked when
     * the change is written. Call while holding the aide's lock.
     */
    History owned(UUID aideId, UUID owner) {
        synchronized (histories) {
            Open open = histories.get(aideId);
            return open != null && open.owner().equals(owner) ? open.history() : null;
        }
    }

    /** The answers to the aide's latest client batches, kept with its history. Call while holding the aide's lock. */
    EditAnswers answers(UUID aideId) {
        synchronized (histories) {
            Open open = histories.get(aideId);
            return open == null ? EditAnswers.NONE : open.answers();
        }
    }

    /**
     * The length of the cached snapshot's JSON. Call while holding the aide's lock. 0 when the
     * history was dropped since {@link #owned} (another aide's keep): counted from the next write.
     */
    long stateChars(UUID aideId) {
        synchronized (histories) {
            Open open = histories.get(aideId);
            return open == null ? 0 : open.stateChars();
        }
    }

    /**
     * Keeps a history read under row-level security as {@code owner}, with its edit answers.
     *
     * @param stateChars the length of its snapshot's JSON (as stored in {@code aides.state})
     */
    void keep(UUID aideId, UUID owner, History history, EditAnswers answers, long stateChars) {
        synchronized (histories) {
            Open before = histories.get(aideId);
            long estimate = STATE_FACTOR * stateChars + BATCH_BYTES * history.batchesRemembered();
            var kept = new Open(owner, history, answers, stateChars, estimate);
            histories.put(aideId, kept);
            bytes += kept.bytes() - (before == null ? 0 : before.bytes());
            var eldest = histories.entrySet().iterator();
            while (histories.size() > 1 && (histories.size() > maxAides || bytes > maxBytes)) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }
    }

    /** The estimated bytes of every history kept. */
    long bytes() {
        synchronized (histories) {
            return bytes;
        }
    }

    /** After a failed write the cached history may be ahead of the database: forget it. */
    void forget(UUID aideId) {
        synchronized (histories) {
            var removed = histories.remove(aideId);
            if (removed != null) {
                bytes -= removed.bytes();
            }
        }
    }
}
