package com.toaide.kernel;

import com.toaide.kernel.Checkpoint.Applied;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One aide's snapshot with its undo bookkeeping ({@link UndoStacks}) and the log entries since
 * its last {@link Checkpoint}: what the web layer holds to apply a user action, undo it, redo it,
 * or see the aide at any point of its log. Pure: batch ids, actors and times are arguments, and
 * older parts of the log come through a {@link Log}.
 *
 * <p>The log is append-only. A batch (one AI turn, one edit) is <em>done</em> until an undo
 * marker names it, and done again when a redo marker names it; the snapshot after any entry is
 * the replay of the batches done at that point. Done batches form a stack, so undoing the top
 * one is time travel to just before it, replayed from the nearest checkpoint: an open aide
 * costs the same however long its log is. A history {@link #resume resumed} from a stored log
 * holds no entries; undo and redo read that log.
 *
 * <p>{@code snapshot().sequence()} counts the events of the done batches and goes down on undo;
 * {@link #version()}, the seq of the last log entry, only goes up: the version clients see.
 * Not thread-safe: the web layer serialises the actions on one aide.
 */
public final class History {
    /** How many done (and undone) batches are kept for undo (and redo); at least 50 are promised (docs/kernel.md). */
    public static final int UNDO_DEPTH = 200;
    /** How many recent batch ids are remembered, so a new batch cannot reuse one. */
    public static final int RECENT_BATCHES = 200;

    /** The entries since {@link #windowStart}; none for a history whose log is stored. */
    private final HeldEntries held;
    private final UndoStacks stacks;
    private Snapshot snapshot;
    private long version;
    private long windowStart;
    /** The batch open at {@link #windowStart}: its earlier entries are not in this window. */
    private String openAtWindowStart;
    /**
     * While replaying: the aide at {@link #baseFrom}'s application, from which the done batches
     * applied after it are replayed on undo. Null until first needed, or on a live history.
     */
    private Snapshot base;
    private long baseFrom;
    private boolean replaying;

    private History(Checkpoint checkpoint, Snapshot snapshot, boolean holdsEntries) {
        this.snapshot = snapshot;
        this.held = new HeldEntries(holdsEntries);
        this.version = checkpoint.seq();
        this.windowStart = checkpoint.seq();
        this.stacks = new UndoStacks(checkpoint);
        this.openAtWindowStart = checkpoint.openBatch();
        this.baseFrom = stacks.topFrom();
    }

    /** A new aide with an empty log. */
    public static History empty() {
        return new History(Checkpoint.start(), Snapshot.empty(), true);
    }

    /** Rebuilds an aide from all its log rows (in any order; they are sorted by seq). */
    public static History replay(List<LogEntry> entries) {
        return replay(entries, Long.MAX_VALUE);
    }

    /** The aide as it was right after entry {@code uptoSeq} of a whole log: time travel. */
    public static History replay(List<LogEntry> entries, long uptoSeq) {
        return at(new MemoryLog(entries), uptoSeq);
    }

    /**
     * The aide as it was right after entry {@code seq}: the nearest checkpoint at or before it,
     * then the entries since. The result holds those entries, as an open aide would.
     */
    public static History at(Log log, long seq) {
        Checkpoint checkpoint = log.checkpointAtOrBefore(seq);
        History history = new History(checkpoint, checkpoint.snapshot(), true);
        history.replaying = true;
        for (LogEntry entry : log.entries(checkpoint.seq(), seq)) {
            history.replay(entry, log);
        }
        history.replaying = false;
        history.base = null;
        return history;
    }

    /**
     * Resumes an aide from its stored snapshot, which is known to equal the replay of the log
     * (the cache in {@code aides.state}): the bookkeeping of its latest checkpoint, then that of
     * the entries after it ({@code since}), without replaying any event. The result holds no
     * entries: pass the stored log to {@link #undo(String, String, String, Log)} and
     * {@link #redo(String, String, String, Log)}.
     */
    public static History resume(Snapshot cached, Checkpoint latest, List<LogEntry> since) {
        History history = new History(latest, cached, false);
        for (LogEntry entry : since) {
            history.record(entry);
        }
        return history;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The log entries since this history's last checkpoint (for a history never checkpointed: the
     * whole log); none for a {@link #resume resumed} history, whose log is stored.
     */
    public List<LogEntry> entries() {
        return held.list();
    }

    /** The seq of the last log entry (0 for an empty log): the aide's monotonic version. */
    public long version() {
        return version;
    }

    /** How many batch ids the undo bookkeeping remembers (at most {@link #RECENT_BATCHES}): what an open aide holds besides its snapshot. */
    public int batchesRemembered() {
        return stacks.recentCount();
    }

    /** The batch of the last log entry, or null for an empty log. */
    public String lastBatch() {
        return stacks.lastBatch();
    }

    /** Whether one of the recent batches has an id starting with {@code prefix}. */
    public boolean recentBatchStartsWith(String prefix) {
        return stacks.recentBatchStartsWith(prefix);
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
        stacks.checkNew(batchId, true);
        List<Result> results = new ArrayList<>(events.size());
        List<LogEntry> added = new ArrayList<>();
        for (JsonNode json : events) {
            Event event = Event.fromJson(json);
            Result result = Kernel.apply(snapshot, event, ts);
            results.add(result);
            if (result.accepted()) {
                LogEntry entry = new LogEntry(version + 1, batchId, actor, source, ts, json, event);
                record(entry);
                added.add(entry);
            }
        }
        return new BatchResult(results, added, version);
    }

    public boolean canUndo() {
        return stacks.top() != null;
    }

    public boolean canRedo() {
        return stacks.redoable() != null;
    }

    /**
     * Takes back the most recent done batch, recording an undo marker under {@code batchId}.
     * Empty when there is nothing to undo. Reads the log from the nearest checkpoint before
     * that batch.
     */
    public Optional<LogEntry> undo(String actor, String ts, String batchId, Log log) {
        if (!canUndo()) {
            return Optional.empty();
        }
        stacks.checkNew(batchId, false);
        LogEntry marker = LogEntry.marker(version + 1, batchId, actor, ts, LogEntry.UNDO, stacks.top().batch());
        replay(marker, log);
        return Optional.of(marker);
    }

    /**
     * Puts back the most recently undone batch, recording a redo marker. Empty when there is
     * nothing to redo. Reads the batch's events from the log when this history does not hold them.
     */
    public Optional<LogEntry> redo(String actor, String ts, String batchId, Log log) {
        if (!canRedo()) {
            return Optional.empty();
        }
        stacks.checkNew(batchId, false);
        LogEntry marker = LogEntry.marker(version + 1, batchId, actor, ts, LogEntry.REDO, stacks.redoable());
        replay(marker, log);
        return Optional.of(marker);
    }

    /** {@link #undo(String, String, String, Log)} for a history that holds its whole log (never checkpointed). */
    public Optional<LogEntry> undo(String actor, String ts, String batchId) {
        return undo(actor, ts, batchId, wholeLog());
    }

    /** {@link #redo(String, String, String, Log)} for a history that holds its whole log (never checkpointed). */
    public Optional<LogEntry> redo(String actor, String ts, String batchId) {
        return redo(actor, ts, batchId, wholeLog());
    }

    private Log wholeLog() {
        if (windowStart != 0 || !held.holds()) {
            throw new IllegalStateException("this history does not hold its whole log: pass the stored log");
        }
        return new MemoryLog(held.list());
    }

    /** Whether at least {@code every} entries were added since the last checkpoint. */
    public boolean checkpointDue(int every) {
        return version - windowStart >= every;
    }

    /**
     * A checkpoint at the current version, after which this history forgets the entries before
     * it. The checkpoint shares the live snapshot: store it before the next change.
     */
    public Checkpoint checkpoint() {
        var checkpoint = stacks.checkpoint(version, snapshot);
        held.clear();
        windowStart = version;
        openAtWindowStart = stacks.openBatch();
        return checkpoint;
    }

    /** Records an entry and brings the snapshot to the state right after it. */
    private void replay(LogEntry entry, Log log) {
        if (!entry.isMarker()) {
            record(entry);
            Kernel.apply(snapshot, entry.parsed(), entry.ts());
            return;
        }
        Applied top = stacks.top();
        String redoable = stacks.redoable();
        record(entry);
        if (entry.isUndo() && top != null && top.batch().equals(entry.target())) {
            snapshot = without(top, log);
        } else if (entry.isRedo() && entry.target().equals(redoable)) {
            // The batch was undone while on top, so the done batches are exactly those it was
            // first applied after: applying it again on the current snapshot is exact.
            applyEvents(snapshot, eventsOf(entry.target(), log));
        }
    }

    /**
     * The aide once {@code popped} (just taken off the done stack) is undone: as it was right
     * before {@code popped} was applied. While replaying, from the base when the base is still
     * below it, replaying the batches applied since; else by time travel through the log.
     */
    private Snapshot without(Applied popped, Log log) {
        if (replaying && popped.from() > baseFrom && baseFrom != Long.MAX_VALUE) {
            if (base == null) {
                base = log.checkpointAtOrBefore(windowStart).snapshot();
            }
            Snapshot rebuilt = base.copy();
            for (Applied applied : stacks.done()) {
                if (applied.from() > baseFrom) {
                    applyEvents(rebuilt, eventsOf(applied.batch(), log));
                }
            }
            return rebuilt;
        }
        Snapshot before = at(log, popped.from() - 1).snapshot();
        if (replaying) {
            base = before.copy();
            baseFrom = stacks.topFrom();
        }
        return before;
    }

    private List<LogEntry> eventsOf(String batch, Log log) {
        List<LogEntry> events = held.eventsOf(batch);
        return events != null && !batch.equals(openAtWindowStart) ? events : log.batch(batch, version);
    }

    /** Adds an entry to the log and the done/undone bookkeeping; does not touch the snapshot. */
    private void record(LogEntry entry) {
        version = Math.max(version, entry.seq());
        held.add(entry);
        if (stacks.record(entry) > baseFrom) {
            // A batch applied since the base left the stack: the base can no longer rebuild it.
            baseFrom = Long.MAX_VALUE;
        }
    }

    private static void applyEvents(Snapshot target, List<LogEntry> batch) {
        for (LogEntry entry : batch) {
            Kernel.apply(target, entry.parsed(), entry.ts());
        }
    }
}
