package com.toaide.aides;

import com.toaide.kernel.BatchResult;
import com.toaide.kernel.History;
import com.toaide.kernel.Json;
import com.toaide.kernel.Log;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Restore;
import com.toaide.kernel.Result;
import com.toaide.kernel.Snapshot;
import com.toaide.kernel.Source;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * Every change to an aide goes through here: one kernel batch, one transaction that appends
 * the log rows and stores the snapshot, one change notice on commit. Changes to one aide are
 * serialised: by its lock on this instance, and across instances by writing only if the aide is
 * still at the version the change was applied to (else reload and apply again).
 */
public final class EditService {
    /**
     * The most a stored page may hold, as the characters of its snapshot's JSON (a page of 1,000
     * rows takes about 200,000). A change that would pass it is refused, unless it makes the page
     * smaller or only removes things (a removed entity stays in the snapshot, marked, so removing
     * can add a few characters), so a full page can always be trimmed or undone.
     */
    public static final int MAX_STATE_CHARS = 2_000_000;
    static final String FULL = "This page is full: it holds as much as one page can. Nothing was changed. "
            + "Remove something, or move part of it to a new page.";

    /** NOTIFY channel of changes to aides that republish themselves (sent by {@code EditDao.write}); the payload is the aide id. */
    public static final String AUTO_PUBLISH_CHANNEL = "aide_auto_publish";
    /** Tries of a change that another instance keeps overtaking. */
    private static final int MAX_ATTEMPTS = 3;
    /**
     * Log entries between checkpoints: what opening an aide, undoing or seeing a point of its
     * history replays at most (besides batches redone from further back). A checkpoint costs one
     * snapshot row; 500 entries replay in about a millisecond.
     */
    static final int CHECKPOINT_EVERY = 500;
    /** Open aides' estimated bytes in memory: a quarter of a 512 MB instance's heap. */
    static final long OPEN_BYTES = 72_000_000;

    private final Database db;
    private final OpenAides open;
    private final Clock clock;
    private final int checkpointEvery;

    public EditService(Database db, Clock clock) {
        this(db, clock, CHECKPOINT_EVERY);
    }

    /** @param checkpointEvery log entries between checkpoints (fewer in tests) */
    EditService(Database db, Clock clock, int checkpointEvery) {
        this.db = db;
        this.checkpointEvery = checkpointEvery;
        this.open = new OpenAides(500, OPEN_BYTES);
        this.clock = clock;
    }

    /** What a batch did: one result per event, and the aide's version after it. */
    public record Outcome(List<Result> results, long version) {
        public long acceptedCount() {
            return results.stream().filter(Result::accepted).count();
        }
    }

    /** A direct edit: the events apply in order as one batch; rejected ones change nothing. */
    public Outcome edit(UUID userId, UUID aideId, List<JsonNode> events) {
        return edit(userId, aideId, events, null);
    }

    /**
     * A direct edit carrying the client's batch id ({@code null} for none): a batch id this aide
     * has answered before gets that first answer again, and nothing is applied twice.
     */
    public Outcome edit(UUID userId, UUID aideId, List<JsonNode> events, String clientBatch) {
        return change(userId, aideId, (history, log, answers) -> {
            if (clientBatch != null) {
                var first = answers.find(clientBatch);
                if (first.isPresent()) {
                    return new Change<>(List.of(), Optional.empty(), first.get());
                }
            }
            var batch = history.applyBatch(events, userId.toString(), Source.EDIT, now(), batchId());
            var accepted = new ArrayList<JsonNode>();
            for (int i = 0; i < events.size(); i++) {
                if (batch.results().get(i).accepted()) {
                    accepted.add(events.get(i));
                }
            }
            var changed = ChangedEntities.of(history.snapshot(), accepted);
            var outcome = new Outcome(batch.results(), batch.version());
            return new Change<>(batch.entries(), changed, outcome,
                    clientBatch == null ? null : answers.with(clientBatch, outcome));
        });
    }

    /** What one event of an AI turn did, and the aide's version after it. */
    public record TurnApplied(Result result, long version) {}

    /**
     * Work that must commit together with one applied turn event (its voice line in the
     * conversation, the frame announcing it): runs in the event's transaction, after the
     * kernel decided, also when the event was rejected.
     */
    @FunctionalInterface
    public interface Alongside {
        void run(Handle handle, Result result);
    }

    /**
     * Applies one event of an AI turn the moment it arrives: actor {@code ai}, source
     * {@code ai}, in the turn's batch, so one undo takes back the whole turn. If another change
     * landed since the turn's last event (a direct edit, an undo), the batch cannot be extended
     * and the rest of the turn continues in a batch of its own.
     */
    public TurnApplied applyTurnEvent(UUID userId, UUID aideId, String turnBatchId, JsonNode event, Alongside alongside) {
        return change(userId, aideId, (history, log, answers) -> {
            var batch = applyInTurn(history, event, turnBatchId);
            var result = batch.results().get(0);
            var changed = result.accepted() ? ChangedEntities.of(history.snapshot(), List.of(event)) : Optional.<Set<String>>empty();
            return new Change<>(batch.entries(), changed, new TurnApplied(result, batch.version()));
        }, (handle, applied) -> alongside.run(handle, applied.result()));
    }

    private BatchResult applyInTurn(History history, JsonNode event, String turnBatchId) {
        String last = history.lastBatch() == null ? "" : history.lastBatch();
        String batchId;
        if (last.equals(turnBatchId) || last.startsWith(turnBatchId + ".")) {
            batchId = last;
        } else if (history.recentBatchStartsWith(turnBatchId)) {
            batchId = turnBatchId + "." + history.version();
        } else {
            batchId = turnBatchId;
        }
        return history.applyBatch(List.of(event), "ai", Source.AI, now(), batchId);
    }

    /** Takes back the last change; {@code 409} when there is none. Returns the new version. */
    public long undo(UUID userId, UUID aideId) {
        return change(userId, aideId, (history, log, answers) -> marker(history, history.undo(userId.toString(), now(), batchId(), log), "Nothing to undo."));
    }

    /** Puts back the last undone change; {@code 409} when there is none. Returns the new version. */
    public long redo(UUID userId, UUID aideId) {
        return change(userId, aideId, (history, log, answers) -> marker(history, history.redo(userId.toString(), now(), batchId(), log), "Nothing to redo."));
    }

    /** Reads an aide's snapshot and version; the snapshot must not escape the reader. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Snapshot snapshot, long version);
    }

    /** Runs {@code reader} while no change to the aide can run. */
    public <T> T read(UUID userId, UUID aideId, Reader<T> reader) {
        synchronized (open.lock(aideId)) {
            return db.asUser(userId, handle -> {
                var history = historyAt(handle, userId, aideId);
                return reader.read(history.snapshot(), history.version());
            });
        }
    }

    /**
     * One batch in the History panel: its last seq (the point to preview), its first (the next
     * page of History starts before it), who made it, when, and what it changed.
     */
    public record HistoryBatch(long seq, long from, String who, String ts, String note) {}

    /** Prefix of the batch ids of restores, so History can say who made them. */
    static final String RESTORE_BATCH = "restore-";
    /** Log rows read for one page of History: a page shows the batches they hold, newest first. */
    private static final int HISTORY_ROWS = 400;

    /** The batches at or before {@code upto}, newest first, at most {@code limit}, named as the current page shows things. */
    public List<HistoryBatch> history(UUID userId, UUID aideId, long upto, int limit) {
        synchronized (open.lock(aideId)) {
            return db.asUser(userId, handle -> batches(handle, userId, aideId, upto, limit));
        }
    }

    /** Batches a version's note names at most; older ones fall under the cap anyway. */
    private static final int NOTE_BATCHES = 12;

    /**
     * The note of a publish: the change notes of the batches after entry {@code after} up to
     * entry {@code upto}, most recent first, combined and capped ({@link ChangeNotes#combine}).
     * Empty when they changed nothing.
     */
    public String notesBetween(UUID userId, UUID aideId, long after, long upto) {
        var recent = history(userId, aideId, upto, NOTE_BATCHES);
        var notes = new ArrayList<String>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).seq() > after) {
                notes.add(recent.get(i).note());
            }
        }
        return ChangeNotes.combine(notes);
    }

    private List<HistoryBatch> batches(Handle handle, UUID userId, UUID aideId, long upto, int limit) {
        var snapshot = historyAt(handle, userId, aideId).snapshot();
        var rows = handle.attach(AideDao.class).latestEvents(aideId, upto, HISTORY_ROWS);
        var batches = new ArrayList<HistoryBatch>();
        int end = 0;
        while (end < rows.size() && batches.size() < limit) {
            int start = end;
            while (end < rows.size() && rows.get(end).batch().equals(rows.get(start).batch())) {
                end++;
            }
            if (end == rows.size() && rows.size() == HISTORY_ROWS && !batches.isEmpty()) {
                // The window may have cut this batch: the next page shows it whole.
                break;
            }
            var entries = new ArrayList<LogEntry>();
            for (int i = end - 1; i >= start; i--) {
                entries.add(rows.get(i).toEntry());
            }
            String note = ChangeNotes.of(entries, snapshot);
            if (!note.isEmpty()) {
                var last = rows.get(start);
                batches.add(new HistoryBatch(last.seq(), rows.get(end - 1).seq(), who(last), StoredEvent.TS.format(last.ts()), note));
            }
        }
        return batches;
    }

    private static String who(StoredEvent row) {
        if (row.batch().startsWith(RESTORE_BATCH)) {
            return "Restore";
        }
        return switch (row.source()) {
            case "ai" -> "AI";
            case "undo" -> "Undo";
            case "import" -> "Import";
            default -> "You";
        };
    }

    /** The aide as it was right after entry {@code seq}, for {@code reader}: replayed from the nearest checkpoint. */
    public <T> T at(UUID userId, UUID aideId, long seq, Reader<T> reader) {
        return db.asUser(userId, handle -> {
            long version = new EditDao(handle).position(aideId).orElseThrow(Failure.NotFound::new);
            if (seq < 0 || seq > version) {
                throw new Failure.NotFound("This page has no such point in its history.");
            }
            return reader.read(History.at(new DatabaseLog(handle, aideId), seq).snapshot(), seq);
        });
    }

    /**
     * Brings the page back to how it was right after entry {@code seq}, as one new batch (so one
     * undo takes the restore back; the log keeps everything). {@code 409} when it already is.
     */
    public Outcome restore(UUID userId, UUID aideId, long seq) {
        return change(userId, aideId, (history, log, answers) -> {
            if (seq < 0 || seq > history.version()) {
                throw new Failure.NotFound("This page has no such point in its history.");
            }
            var events = Restore.events(history.snapshot(), History.at(log, seq).snapshot());
            if (events.isEmpty()) {
                throw new Failure.Conflict("The page already looks like this.");
            }
            var batch = history.applyBatch(events, userId.toString(), Source.EDIT, now(), RESTORE_BATCH + seq + "-" + batchId());
            return new Change<>(batch.entries(), Optional.empty(), new Outcome(batch.results(), batch.version()));
        });
    }

    /** The snapshot's JSON and the aide's version, for {@code GET /aides/{id}/snapshot}. */
    public record SnapshotView(JsonNode snapshot, long version) {}

    public SnapshotView snapshot(UUID userId, UUID aideId) {
        return read(userId, aideId, (snapshot, version) -> new SnapshotView(snapshot.toJson(), version));
    }

    /**
     * What a change did: the log entries to write, the entities it touched, its result, and the
     * aide's edit answers after it (null: unchanged).
     */
    private record Change<T>(List<LogEntry> entries, Optional<Set<String>> changed, T result, EditAnswers answers) {
        Change(List<LogEntry> entries, Optional<Set<String>> changed, T result) {
            this(entries, changed, result, null);
        }
    }

    /**
     * A change to an aide's history, which may read older parts of its log and the answers to
     * the aide's latest client batches.
     */
    @FunctionalInterface
    private interface Action<T> {
        Change<T> apply(History history, Log log, EditAnswers answers);
    }

    private <T> T change(UUID userId, UUID aideId, Action<T> action) {
        return change(userId, aideId, action, (handle, result) -> { });
    }

    private <T> T change(UUID userId, UUID aideId, Action<T> action, BiConsumer<Handle, T> alongside) {
        synchronized (open.lock(aideId)) {
            try {
                for (int attempt = 1; ; attempt++) {
                    var done = db.asUser(userId, handle -> tryChange(handle, userId, aideId, action, alongside));
                    if (done.isPresent()) {
                        return done.get();
                    }
                    // Another instance wrote since this copy was current: reload and apply again.
                    open.forget(aideId);
                    if (attempt == MAX_ATTEMPTS) {
                        throw new Failure.Unavailable("This page is busy with other changes. Nothing was changed; try again in a moment.");
                    }
                }
            } catch (RuntimeException e) {
                open.forget(aideId);
                throw e;
            }
        }
    }

    /**
     * Applies the change to the history in memory (loaded first if this instance has none) and
     * writes it in one statement that checks the aide is still at the version it was applied to.
     * Empty when it was not, and then nothing was written.
     */
    private <T> Optional<T> tryChange(Handle handle, UUID userId, UUID aideId, Action<T> action,
                                      BiConsumer<Handle, T> alongside) {
        var edits = new EditDao(handle);
        var log = new DatabaseLog(handle, aideId);
        History history = open.owned(aideId, userId);
        EditAnswers answers;
        long stateChars;
        if (history == null) {
            var row = handle.attach(AideDao.class).lockForLoad(aideId).orElseThrow(Failure.NotFound::new);
            history = load(log, row);
            answers = EditAnswers.parse(row.answers());
            stateChars = row.state().length();
        } else {
            answers = open.answers(aideId);
            stateChars = open.stateChars(aideId);
        }
        long applied = history.version();
        var change = action.apply(history, log, answers);
        boolean current;
        if (change.entries().isEmpty()) {
            // Nothing to write, so nothing checks the version for us: ask.
            current = edits.position(aideId).orElseThrow(Failure.NotFound::new) == applied;
        } else {
            String state = history.snapshot().toJsonText();
            if (state.length() > MAX_STATE_CHARS && state.length() > stateChars && !onlyRemovals(change.entries())) {
                // Thrown before anything is written; change() then forgets the copy this was applied to.
                throw new Failure.TooLarge(FULL);
            }
            stateChars = state.length();
            current = write(edits, aideId, applied, state, history, change);
        }
        if (!current) {
            return Optional.empty();
        }
        if (history.checkpointDue(checkpointEvery)) {
            log.keep(history.checkpoint());
        }
        alongside.accept(handle, change.result());
        open.keep(aideId, userId, history, change.answers() == null ? answers : change.answers(), stateChars);
        return Optional.of(change.result());
    }

    private static boolean onlyRemovals(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            String type = entry.type();
            if (!type.equals("entity.remove") && !type.equals("rel.remove")) {
                return false;
            }
        }
        return true;
    }

    private static boolean write(EditDao edits, UUID aideId, long applied, String state, History history, Change<?> change) {
        String notice = new ChangeNotice(aideId, history.version(), change.changed()).payload();
        String answers = change.answers() == null ? null : change.answers().toJson();
        return edits.write(aideId, applied, history.version(), state, history.snapshot().title(), notice,
                answers, EventRows.of(change.entries()));
    }

    /** The aide's current history: this instance's copy if it is current, else loaded. */
    private History historyAt(Handle handle, UUID userId, UUID aideId) {
        long version = new EditDao(handle).position(aideId).orElseThrow(Failure.NotFound::new);
        History cached = open.at(aideId, version);
        if (cached != null) {
            return cached;
        }
        var row = handle.attach(AideDao.class).lockForLoad(aideId).orElseThrow(Failure.NotFound::new);
        var history = load(new DatabaseLog(handle, aideId), row);
        open.keep(aideId, userId, history, EditAnswers.parse(row.answers()), row.state().length());
        return history;
    }

    /** The stored snapshot, with the bookkeeping of the latest checkpoint and the log entries since. */
    private static History load(DatabaseLog log, StoredAide row) {
        var latest = log.latestBookkeeping();
        return History.resume(Snapshot.fromJson(Json.MAPPER.readTree(row.state())), latest, log.entries(latest.seq(), row.logSeq()));
    }

    private static Change<Long> marker(History history, Optional<LogEntry> marker, String nothing) {
        var entry = marker.orElseThrow(() -> new Failure.Conflict(nothing));
        return new Change<>(List.of(entry), Optional.empty(), history.version());
    }

    /**
     * A new batch id: unique, not secret, so from the thread's own generator rather than
     * {@code UUID.randomUUID()}, which reads the system's secure source under a lock.
     */
    private static String batchId() {
        var random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String now() {
        return StoredEvent.TS.format(clock.instant());
    }
}
