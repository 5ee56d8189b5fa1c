package com.toaide.kernel;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The aide as it was right after log entry {@code seq}: its snapshot and the undo bookkeeping
 * that goes with it. A checkpoint is a cache like {@code aides.state}: the replay of the log up
 * to {@code seq} gives exactly the same, so replaying from the nearest checkpoint is as good as
 * replaying from the start.
 *
 * @param snapshot the state at {@code seq}; null when only the bookkeeping was read
 * @param done done batches that changed something, oldest first (at most {@link History#UNDO_DEPTH})
 * @param undone undone batches, most recent last (at most {@link History#UNDO_DEPTH})
 * @param recent the ids of the most recent batches, oldest first (at most {@link History#RECENT_BATCHES})
 * @param openBatch the batch the entry at {@code seq} belongs to when a further entry may extend it; else null
 * @param lastBatch the batch of the entry at {@code seq}; null at the start
 */
public record Checkpoint(long seq, Snapshot snapshot, List<Applied> done, List<String> undone,
                         List<String> recent, String openBatch, String lastBatch) {
    /** A done batch and the seq at which it was last applied: its first entry, or the redo marker that put it back. */
    public record Applied(String batch, long from) {}

    public Checkpoint {
        done = List.copyOf(done);
        undone = List.copyOf(undone);
        recent = List.copyOf(recent);
    }

    /** The empty aide before its first entry. */
    public static Checkpoint start() {
        return new Checkpoint(0, Snapshot.empty(), List.of(), List.of(), List.of(), null, null);
    }

    /** The bookkeeping as JSON (the snapshot is stored apart, as the snapshot's own JSON). */
    public JsonNode bookkeepingJson() {
        ObjectNode json = SnapshotJson.NODES.objectNode();
        ArrayNode doneJson = json.putArray("done");
        for (Applied applied : done) {
            doneJson.addObject().put("batch", applied.batch()).put("from", applied.from());
        }
        undone.forEach(json.putArray("undone")::add);
        recent.forEach(json.putArray("recent")::add);
        json.put("open", openBatch);
        json.put("last", lastBatch);
        return json;
    }

    /** Reads {@link #bookkeepingJson()} back. */
    public static Checkpoint of(long seq, Snapshot snapshot, JsonNode bookkeeping) {
        List<Applied> done = new ArrayList<>();
        for (JsonNode applied : bookkeeping.path("done")) {
            done.add(new Applied(applied.path("batch").asString(), applied.path("from").asLong()));
        }
        return new Checkpoint(seq, snapshot, done, strings(bookkeeping.path("undone")), strings(bookkeeping.path("recent")),
                JsonRead.string(bookkeeping.get("open"), null), JsonRead.string(bookkeeping.get("last"), null));
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        for (JsonNode value : array) {
            strings.add(value.asString());
        }
        return strings;
    }
}
