package com.toaide.aides;

import com.toaide.kernel.History;
import com.toaide.kernel.Json;
import com.toaide.kernel.Log;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Snapshot;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * How a change reaches an aide: under the aide's lock, applied to its history in memory (this
 * instance's open copy, loaded when there is none or another instance wrote since), then written
 * in one statement that appends the log rows and stores the snapshot, only if the aide is still
 * at the version the change was applied to (else reloaded and applied again); its notice goes
 * out once it is committed. {@link EditService} says what each change is.
 */
final class ChangeWriter {
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
    private final int checkpointEvery;

    ChangeWriter(Database db, int checkpointEvery) {
        this.db = db;
        this.checkpointEvery = checkpointEvery;
        this.open = new OpenAides(500, OPEN_BYTES);
    }

    /** Runs {@code reader} while no change to the aide can run. */
    <T> T read(UUID userId, UUID aideId, EditService.Reader<T> reader) {
        return view(userId, aideId, (line, snapshot, version) -> reader.read(snapshot, version));
    }

    /** Runs {@code viewer} with the aide's dashboard line while no change to the aide can run. */
    <T> T view(UUID userId, UUID aideId, EditService.Viewer<T> viewer) {
        synchronized (open.lock(aideId)) {
            // The open copy when it is still current: the aide's line and position in one round trip
            // with no transaction (opening the editor needs nothing else); else loaded in a transaction.
            var line = EditDao.alone(db, userId).line(aideId).orElseThrow(Failure.NotFound::new);
            History current = open.at(aideId, line.version());
            if (current != null) {
                return viewer.view(line.summary(), current.snapshot(), line.version());
            }
            return db.asUser(userId, handle -> {
                var history = historyAt(handle, userId, aideId);
                return viewer.view(line.summary(), history.snapshot(), history.version());
            });
        }
    }

    /**
     * What a change did: the log entries to write, the entities it touched, its result, and the
     * aide's edit answers after it (null: unchanged).
     */
    record Change<T>(List<LogEntry> entries, Optional<Set<String>> changed, T result, EditAnswers answers) {
        Change(List<LogEntry> entries, Optional<Set<String>> changed, T result) {
            this(entries, changed, result, null);
        }
    }

    /**
     * A change to an aide's history, which may read older parts of its log and the answers to
     * the aide's latest client batches.
     */
    @FunctionalInterface
    interface Action<T> {
        Change<T> apply(History history, Log log, EditAnswers answers);
    }

    <T> T change(UUID userId, UUID aideId, Action<T> action) {
        return change(userId, aideId, action, (handle, result) -> { });
    }

    <T> T change(UUID userId, UUID aideId, Action<T> action, BiConsumer<Handle, T> alongside) {
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
     * A change that needs nothing but the aide's current state and answers (a direct edit).
     * When this instance holds the aide's open copy, the change is applied there and written by
     * one statement alone, in one round trip with no transaction around it (the edit's hot path,
     * docs/performance.md); else, or when another instance wrote since, as {@link #change}.
     */
    <T> T changeCurrent(UUID userId, UUID aideId, CurrentAction<T> action) {
        synchronized (open.lock(aideId)) {
            History history = open.owned(aideId, userId);
            if (history != null) {
                try {
                    var done = tryInMemory(history, userId, aideId, action);
                    if (done.isPresent()) {
                        return done.get();
                    }
                } catch (RuntimeException e) {
                    open.forget(aideId);
                    throw e;
                }
                open.forget(aideId);
            }
            return change(userId, aideId, (loaded, log, answers) -> action.apply(loaded, answers));
        }
    }

    /** A change to an aide's current state that reads nothing else: see {@link #changeCurrent}. */
    @FunctionalInterface
    interface CurrentAction<T> {
        Change<T> apply(History history, EditAnswers answers);
    }

    private <T> Optional<T> tryInMemory(History history, UUID userId, UUID aideId, CurrentAction<T> action) {
        var answers = open.answers(aideId);
        long applied = history.version();
        var change = action.apply(history, answers);
        long stateChars = written(EditDao.alone(db, userId), aideId, applied, history, change, open.stateChars(aideId));
        if (stateChars < 0) {
            return Optional.empty();
        }
        if (history.checkpointDue(checkpointEvery)) {
            // After the change is stored, in a transaction of its own: a checkpoint only shortens
            // later replays, so when it fails the change still stands and the copy is reloaded.
            try {
                db.asUser(userId, handle -> {
                    new DatabaseLog(handle, aideId).keep(history.checkpoint());
                    return null;
                });
            } catch (RuntimeException e) {
                open.forget(aideId);
                return Optional.of(change.result());
            }
        }
        open.keep(aideId, userId, history, change.answers() == null ? answers : change.answers(), stateChars);
        return Optional.of(change.result());
    }

    /**
     * Applies the change to the history in memory (loaded first if this instance has none) and
     * writes it in one statement that checks the aide is still at the version it was applied to.
     * Empty when it was not, and then nothing was written.
     */
    private <T> Optional<T> tryChange(Handle handle, UUID userId, UUID aideId, Action<T> action,
                                      BiConsumer<Handle, T> alongside) {
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
        stateChars = written(new EditDao(handle), aideId, applied, history, change, stateChars);
        if (stateChars < 0) {
            return Optional.empty();
        }
        if (history.checkpointDue(checkpointEvery)) {
            log.keep(history.checkpoint());
        }
        alongside.accept(handle, change.result());
        open.keep(aideId, userId, history, change.answers() == null ? answers : change.answers(), stateChars);
        return Optional.of(change.result());
    }

    /**
     * Stores what {@code change} did to {@code history}, if the aide is still at {@code applied}:
     * the stored snapshot's length after it, or -1 when the aide had moved on (nothing written).
     */
    private long written(EditDao edits, UUID aideId, long applied, History history, Change<?> change, long stateChars) {
        if (change.entries().isEmpty()) {
            // Nothing to write, so nothing checks the version for us: ask.
            return edits.position(aideId).orElseThrow(Failure.NotFound::new) == applied ? stateChars : -1;
        }
        String state = history.snapshot().toJsonText();
        if (state.length() > EditService.MAX_STATE_CHARS && state.length() > stateChars && !onlyRemovals(change.entries())) {
            // Thrown before anything is written; the caller then forgets the copy this was applied to.
            throw new Failure.TooLarge(EditService.FULL);
        }
        return write(edits, aideId, applied, state, history, change) ? state.length() : -1;
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

    /** Writes the change; once it is committed, tells every instance (and auto-publish, if the aide has it on). */
    private boolean write(EditDao edits, UUID aideId, long applied, String state, History history, Change<?> change) {
        String answers = change.answers() == null ? null : change.answers().toJson();
        var stored = edits.write(aideId, applied, history.version(), state, history.snapshot().title(), answers,
                EventRows.json(change.entries()));
        if (stored == EditDao.Stored.NOTHING) {
            return false;
        }
        String notice = new ChangeNotice(aideId, history.version(), change.changed()).payload();
        edits.afterCommit(() -> {
            db.notices().send(TurnFrames.CHANNEL, notice);
            if (stored == EditDao.Stored.CHANGE_TO_REPUBLISH) {
                db.notices().send(EditService.AUTO_PUBLISH_CHANNEL, aideId.toString());
            }
        });
        return true;
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

}
