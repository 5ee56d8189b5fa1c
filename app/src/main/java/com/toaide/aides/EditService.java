package com.toaide.aides;

import com.toaide.kernel.BatchResult;
import com.toaide.kernel.History;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Result;
import com.toaide.kernel.Snapshot;
import com.toaide.kernel.Source;
import com.toaide.platform.db.Database;
import com.toaide.platform.web.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change to an aide goes through here: one kernel batch, one transaction that appends
 * the log rows and stores the snapshot, one change notice on commit. Changes to one aide are
 * serialised (its lock here, its row lock in Postgres across instances).
 */
public final class EditService {
    /** NOTIFY channel of changes to aides that republish themselves; the payload is the aide id. */
    public static final String AUTO_PUBLISH_CHANNEL = "aide_auto_publish";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Database db;
    private final OpenAides open;
    private final Clock clock;

    public EditService(Database db, Clock clock) {
        this.db = db;
        this.open = new OpenAides(500);
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
        return change(userId, aideId, history -> {
            var batch = history.applyBatch(events, userId.toString(), Source.EDIT, now(), UUID.randomUUID().toString());
            var accepted = new ArrayList<JsonNode>();
            for (int i = 0; i < events.size(); i++) {
                if (batch.results().get(i).accepted()) {
                    accepted.add(events.get(i));
                }
            }
            var changed = ChangedEntities.of(history.snapshot(), accepted);
            return new Change<>(batch.entries(), changed, new Outcome(batch.results(), batch.version()));
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
        return change(userId, aideId, history -> {
            var batch = applyInTurn(history, event, turnBatchId);
            var result = batch.results().get(0);
            var changed = result.accepted() ? ChangedEntities.of(history.snapshot(), List.of(event)) : Optional.<Set<String>>empty();
            return new Change<>(batch.entries(), changed, new TurnApplied(result, batch.version()));
        }, (handle, applied) -> alongside.run(handle, applied.result()));
    }

    private BatchResult applyInTurn(History history, JsonNode event, String turnBatchId) {
        var entries = history.entries();
        String last = entries.isEmpty() ? "" : entries.get(entries.size() - 1).batch();
        String batchId;
        if (last.equals(turnBatchId) || last.startsWith(turnBatchId + ".")) {
            batchId = last;
        } else if (entries.stream().anyMatch(entry -> entry.batch().startsWith(turnBatchId))) {
            batchId = turnBatchId + "." + history.version();
        } else {
            batchId = turnBatchId;
        }
        return history.applyBatch(List.of(event), "ai", Source.AI, now(), batchId);
    }

    /** Takes back the last change; {@code 409} when there is none. Returns the new version. */
    public long undo(UUID userId, UUID aideId) {
        return change(userId, aideId, history -> marker(history, history.undo(userId.toString(), now(), UUID.randomUUID().toString()), "Nothing to undo."));
    }

    /** Puts back the last undone change; {@code 409} when there is none. Returns the new version. */
    public long redo(UUID userId, UUID aideId) {
        return change(userId, aideId, history -> marker(history, history.redo(userId.toString(), now(), UUID.randomUUID().toString()), "Nothing to redo."));
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
                var dao = handle.attach(AideDao.class);
                var history = historyAt(dao, dao.position(aideId).orElseThrow(Problem::notFound));
                return reader.read(history.snapshot(), history.version());
            });
        }
    }

    /** The snapshot's JSON and the aide's version, for {@code GET /aides/{id}/snapshot}. */
    public record SnapshotView(JsonNode snapshot, long version) {}

    public SnapshotView snapshot(UUID userId, UUID aideId) {
        return read(userId, aideId, (snapshot, version) -> new SnapshotView(snapshot.toJson(), version));
    }

    private record Change<T>(List<LogEntry> entries, Optional<Set<String>> changed, T result) {}

    private <T> T change(UUID userId, UUID aideId, Function<History, Change<T>> action) {
        return change(userId, aideId, action, (handle, result) -> { });
    }

    private <T> T change(UUID userId, UUID aideId, Function<History, Change<T>> action, BiConsumer<Handle, T> alongside) {
        synchronized (open.lock(aideId)) {
            try {
                return db.asUser(userId, handle -> {
                    var dao = handle.attach(AideDao.class);
                    var row = dao.lockForEdit(aideId).orElseThrow(Problem::notFound);
                    var history = historyAt(dao, row);
                    var change = action.apply(history);
                    if (!change.entries().isEmpty()) {
                        persist(dao, row, history, change);
                    }
                    alongside.accept(handle, change.result());
                    open.keep(aideId, history);
                    return change.result();
                });
            } catch (RuntimeException e) {
                open.forget(aideId);
                throw e;
            }
        }
    }

    private static void persist(AideDao dao, StoredAide row, History history, Change<?> change) {
        dao.append(row.id(), change.entries().stream().map(StoredEvent::of).toList());
        var snapshot = history.snapshot();
        dao.saveState(row.id(), snapshot.toJson().toString(), history.version(), snapshot.title());
        dao.notifyChange(new ChangeNotice(row.id(), history.version(), change.changed()).payload());
        if (row.autoPublish()) {
            dao.notifyAutoPublish(row.id());
        }
    }

    private History historyAt(AideDao dao, StoredAide row) {
        History cached = open.at(row.id(), row.logSeq());
        if (cached != null) {
            return cached;
        }
        String state = row.state() != null ? row.state() : dao.read(row.id()).orElseThrow(Problem::notFound).state();
        var entries = dao.events(row.id()).stream().map(StoredEvent::toEntry).toList();
        var history = History.resume(Snapshot.fromJson(JSON.readTree(state)), entries);
        open.keep(row.id(), history);
        return history;
    }

    private static Change<Long> marker(History history, Optional<LogEntry> marker, String nothing) {
        var entry = marker.orElseThrow(() -> new Problem(409, nothing));
        return new Change<>(List.of(entry), Optional.empty(), history.version());
    }

    private String now() {
        return StoredEvent.TS.format(clock.instant());
    }
}
