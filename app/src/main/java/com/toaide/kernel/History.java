package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One aide's snapshot together with its event log: what the web layer holds to apply a user
 * action, undo it, redo it, or rebuild the aide from stored log rows. Pure: batch ids,
 * actors and times are arguments.
 *
 * <p>The log is append-only. A batch (one AI turn, one edit) is <em>done</em> until an undo
 * marker names it, and done again when a redo marker names it. The snapshot is always the
 * replay of the done batches' events in log order, so {@code replay(entries())} equals
 * {@code snapshot()} whatever mix of batches, undos and redos produced it. Undo takes back
 * the most recent done batch that changed something (any depth); redo puts back the most
 * recently undone one, until a new change makes redo impossible.
 *
 * <p>{@code snapshot().sequence()} counts the events of the done batches and so goes down on
 * undo; {@link #version()}, the seq of the last log entry, only ever goes up: it is the
 * version number to show clients.
 *
 * <p>Not thread-safe: the web layer serialises the actions on one aide.
 */
public final class History {
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    private final HashMap<String, List<LogEntry>> eventsByBatch = new HashMap<>();
    private final Set<String> batchIds = new HashSet<>();
    /** Done batches that changed the snapshot, oldest first; undo takes from the end. */
    private final ArrayList<String> done = new ArrayList<>();
    /** Undone batches, most recent last; redo takes from the end. */
    private final ArrayList<String> undone = new ArrayList<>();
    private Snapshot snapshot = Snapshot.empty();
    private long version;
    /** The batch the last entry belongs to, which a further call may extend; null after a marker. */
    private String openBatch;

    private History() {}

    /** A new aide with an empty log. */
    public static History empty() {
        return new History();
    }

    /** Rebuilds an aide from its log rows (in any order; they are sorted by seq). */
    public static History replay(List<LogEntry> entries) {
        return replay(entries, Long.MAX_VALUE);
    }

    /** The aide as it was right after entry {@code uptoSeq}: time travel. */
    public static History replay(List<LogEntry> entries, long uptoSeq) {
        History history = new History();
        for (LogEntry entry : sorted(entries)) {
            if (entry.seq() <= uptoSeq) {
                history.record(entry);
            }
        }
        history.snapshot = history.rebuild();
        return history;
    }

    /**
     * Resumes an aide from a stored snapshot that is known to equal the replay of
     * {@code entries} (the cache in {@code aides.state}), without replaying.
     */
    public static History resume(Snapshot cached, List<LogEntry> entries) {
        History history = new History();
        for (LogEntry entry : sorted(entries)) {
            history.record(entry);
        }
        history.snapshot = cached;
        return history;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public List<LogEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The seq of the last log entry (0 for an empty log): the aide's monotonic version. */
    public long version() {
        return version;
    }

    /**
     * Applies one user action's events in order. Rejected events change nothing and are not
     * logged; accepted ones (signals included) are logged under {@code batchId}.
     *
     * <p>Calling again with the id of the batch that produced the last entry extends that
     * batch (an AI turn applies its events as they stream in). Any other id must be new.
     *
     * @throws IllegalArgumentException when {@code batchId} was used before and cannot be extended
     */
    public BatchResult applyBatch(List<JsonNode> events, String actor, Source source, String ts, String batchId) {
        if (source == Source.UNDO) {
            throw new IllegalArgumentException("undo and redo entries are made by undo() and redo()");
        }
        checkBatchId(batchId, true);
        List<Result> results = new ArrayList<>(events.size());
        List<LogEntry> added = new ArrayList<>();
        for (JsonNode json : events) {
            Event event = Event.fromJson(json);
            Result result = Kernel.apply(snapshot, event, ts);
            results.add(result);
            if (result.accepted()) {
                LogEntry entry = new LogEntry(version + 1, batchId, actor, source, ts, json);
                record(entry);
                added.add(entry);
            }
        }
        return new BatchResult(results, added, version);
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /**
     * Takes back the most recent done batch, recording an undo marker under {@code batchId}.
     * Empty when there is nothing to undo.
     */
    public Optional<LogEntry> undo(String actor, String ts, String batchId) {
        if (!canUndo()) {
            return Optional.empty();
        }
        checkBatchId(batchId, false);
        LogEntry marker = LogEntry.marker(version + 1, batchId, actor, ts, LogEntry.UNDO, done.get(done.size() - 1));
        record(marker);
        snapshot = rebuild();
        return Optional.of(marker);
    }

    /** Puts back the most recently undone batch, recording a redo marker. Empty when there is nothing to redo. */
    public Optional<LogEntry> redo(String actor, String ts, String batchId) {
        if (!canRedo()) {
            return Optional.empty();
        }
        checkBatchId(batchId, false);
        String target = undone.get(undone.size() - 1);
        LogEntry marker = LogEntry.marker(version + 1, batchId, actor, ts, LogEntry.REDO, target);
        record(marker);
        // The batch was undone while on top, so the done batches are exactly those it was
        // first applied after: applying it again on the current snapshot is exact.
        applyEvents(snapshot, eventsByBatch.get(target));
        return Optional.of(marker);
    }

    private void checkBatchId(String batchId, boolean mayExtend) {
        if (batchId == null || batchId.isEmpty()) {
            throw new IllegalArgumentException("a batch needs an id");
        }
        if (batchIds.contains(batchId) && !(mayExtend && batchId.equals(openBatch))) {
            throw new IllegalArgumentException("batch " + batchId + " is already in the log");
        }
    }

    /** Adds an entry to the log and the done/undone bookkeeping; does not touch the snapshot. */
    private void record(LogEntry entry) {
        entries.add(entry);
        version = Math.max(version, entry.seq());
        batchIds.add(entry.batch());
        if (entry.isMarker()) {
            openBatch = null;
            String target = entry.target();
            if (entry.isUndo() && !done.isEmpty() && done.get(done.size() - 1).equals(target)) {
                undone.add(done.remove(done.size() - 1));
            } else if (entry.isRedo() && !undone.isEmpty() && undone.get(undone.size() - 1).equals(target)) {
                done.add(undone.remove(undone.size() - 1));
            }
            return;
        }
        openBatch = entry.batch();
        eventsByBatch.computeIfAbsent(entry.batch(), id -> new ArrayList<>()).add(entry);
        if (entry.mutates() && (done.isEmpty() || !done.get(done.size() - 1).equals(entry.batch()))) {
            done.add(entry.batch());
            undone.clear();
        }
    }

    /** The replay of the done batches, in log order. */
    private Snapshot rebuild() {
        Snapshot fresh = Snapshot.empty();
        for (String batch : done) {
            applyEvents(fresh, eventsByBatch.get(batch));
        }
        return fresh;
    }

    private static void applyEvents(Snapshot target, List<LogEntry> batch) {
        for (LogEntry entry : batch) {
            Kernel.apply(target, entry.parsed(), entry.ts());
        }
    }

    private static List<LogEntry> sorted(List<LogEntry> entries) {
        List<LogEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingLong(LogEntry::seq));
        return copy;
    }
}
