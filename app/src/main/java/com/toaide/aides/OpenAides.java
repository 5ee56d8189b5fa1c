package com.toaide.aides;

import com.toaide.kernel.History;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * The aides being edited, kept in memory so an edit costs the size of the change, not a reload.
 * Postgres stays the truth: a cached history is used only while its version equals the row's
 * {@code log_seq} (another instance may have written since).
 *
 * <p>A history holds the aide's whole log (undo may reach any depth), so the cache is bounded by
 * log entries as well as by aides: least recently used ones drop out when either bound is passed.
 *
 * <p>Each aide has one lock: every read or change of its history happens while holding it.
 */
final class OpenAides {
    private record Open(UUID owner, History history, int entries, EditAnswers answers) {}

    private final int maxAides;
    private final long maxEntries;
    private final LinkedHashMap<UUID, Open> histories = new LinkedHashMap<>(16, 0.75f, true);
    private long entries;
    // Lock striping: a fixed set of locks, so the map of locks cannot grow with every aide ever opened.
    private final Object[] locks = new Object[1024];

    OpenAides(int maxAides, long maxEntries) {
        this.maxAides = maxAides;
        this.maxEntries = maxEntries;
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

    /** Keeps a history read under row-level security as {@code owner}, with its edit answers. */
    void keep(UUID aideId, UUID owner, History history, EditAnswers answers) {
        synchronized (histories) {
            var kept = new Open(owner, history, history.entries().size(), answers);
            var replaced = histories.put(aideId, kept);
            entries += kept.entries() - (replaced == null ? 0 : replaced.entries());
            var eldest = histories.entrySet().iterator();
            while (histories.size() > 1 && (histories.size() > maxAides || entries > maxEntries)) {
                entries -= eldest.next().getValue().entries();
                eldest.remove();
            }
        }
    }

    /** After a failed write the cached history may be ahead of the database: forget it. */
    void forget(UUID aideId) {
        synchronized (histories) {
            var removed = histories.remove(aideId);
            if (removed != null) {
                entries -= removed.entries();
            }
        }
    }
}
