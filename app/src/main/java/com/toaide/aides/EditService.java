package com.toaide.aides;

import com.toaide.kernel.BatchResult;
import com.toaide.kernel.History;
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
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * Every change to an aide goes through here, as one kernel batch: a direct edit, an AI turn's
 * event, undo, redo, a restore; and every read of its current state. How a change is applied
 * and stored (the lock, the open copy, the one statement, the retry) is {@link ChangeWriter}'s
 * job; reading the past is {@link EditHistory}'s.
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

    private final ChangeWriter writer;
    private final Clock clock;

    public EditService(Database db, Clock clock) {
        this(db, clock, ChangeWriter.CHECKPOINT_EVERY);
    }

    /** @param checkpointEvery log entries between checkpoints (fewer in tests) */
    EditService(Database db, Clock clock, int checkpointEvery) {
        this.writer = new ChangeWriter(db, checkpointEvery);
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
        return writer.changeCurrent(userId, aideId, (history, answers) -> {
            if (clientBatch != null) {
                var first = answers.find(clientBatch);
                if (first.isPresent()) {
                    return new ChangeWriter.Change<>(List.of(), Optional.empty(), first.get());
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
            return new ChangeWriter.Change<>(batch.entries(), changed, outcome,
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
        return writer.change(userId, aideId, (history, log, answers) -> {
            var batch = applyInTurn(history, event, turnBatchId);
            var result = batch.results().get(0);
            var changed = result.accepted() ? ChangedEntities.of(history.snapshot(), List.of(event)) : Optional.<Set<String>>empty();
            return new ChangeWriter.Change<>(batch.entries(), changed, new TurnApplied(result, batch.version()));
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
        return writer.change(userId, aideId, (history, log, answers) -> marker(history, history.undo(userId.toString(), now(), batchId(), log), "Nothing to undo."));
    }

    /** Puts back the last undone change; {@code 409} when there is none. Returns the new version. */
    public long redo(UUID userId, UUID aideId) {
        return writer.change(userId, aideId, (history, log, answers) -> marker(history, history.redo(userId.toString(), now(), batchId(), log), "Nothing to redo."));
    }

    /** Reads an aide's snapshot and version; the snapshot must not escape the reader. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Snapshot snapshot, long version);
    }

    /** Runs {@code reader} while no change to the aide can run. */
    public <T> T read(UUID userId, UUID aideId, Reader<T> reader) {
        return writer.read(userId, aideId, reader);
    }

    /** Reads an aide's dashboard line with its snapshot and version; the snapshot must not escape the viewer. */
    @FunctionalInterface
    public interface Viewer<T> {
        T view(AideSummary aide, Snapshot snapshot, long version);
    }

    /** {@link #read} with the aide's dashboard line, read in the same round trip as its position (opening the editor). */
    public <T> T view(UUID userId, UUID aideId, Viewer<T> viewer) {
        return writer.view(userId, aideId, viewer);
    }

    /** Prefix of the batch ids of restores, so History can say who made them. */
    static final String RESTORE_BATCH = "restore-";

    /**
     * Brings the page back to how it was right after entry {@code seq}, as one new batch (so one
     * undo takes the restore back; the log keeps everything). {@code 409} when it already is.
     */
    public Outcome restore(UUID userId, UUID aideId, long seq) {
        return writer.change(userId, aideId, (history, log, answers) -> {
            if (seq < 0 || seq > history.version()) {
                throw new Failure.NotFound("This page has no such point in its history.");
            }
            var events = Restore.events(history.snapshot(), History.at(log, seq).snapshot());
            if (events.isEmpty()) {
                throw new Failure.Conflict("The page already looks like this.");
            }
            var batch = history.applyBatch(events, userId.toString(), Source.EDIT, now(), RESTORE_BATCH + seq + "-" + batchId());
            return new ChangeWriter.Change<>(batch.entries(), Optional.empty(), new Outcome(batch.results(), batch.version()));
        });
    }

    /** The snapshot's JSON and the aide's version, for {@code GET /aides/{id}/snapshot}. */
    public record SnapshotView(JsonNode snapshot, long version) {}

    public SnapshotView snapshot(UUID userId, UUID aideId) {
        return read(userId, aideId, (snapshot, version) -> new SnapshotView(snapshot.toJson(), version));
    }

    private static ChangeWriter.Change<Long> marker(History history, Optional<LogEntry> marker, String nothing) {
        var entry = marker.orElseThrow(() -> new Failure.Conflict(nothing));
        return new ChangeWriter.Change<>(List.of(entry), Optional.empty(), history.version());
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
        return StoredEvent.format(clock.instant());
    }
}
