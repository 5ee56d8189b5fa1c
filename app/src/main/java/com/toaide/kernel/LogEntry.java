package com.toaide.kernel;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of an aide's append-only event log: an accepted kernel event in its envelope, or
 * an undo/redo marker. The web layer stores it as
 * {@code aide_events(aide_id, seq, batch, actor, source, ts, event jsonb)} and rebuilds it
 * with {@link #LogEntry(long, String, String, Source, String, JsonNode)} or {@link #fromJson}.
 *
 * <p>Markers are entries whose event is {@code {"t":"history.undo","batch":B}} or
 * {@code {"t":"history.redo","batch":B}}: they name the batch B they undo or redo and are
 * never passed to the kernel.
 */
public final class LogEntry {
    public static final String UNDO = "history.undo";
    public static final String REDO = "history.redo";

    private final long seq;
    private final String batch;
    private final String actor;
    private final Source source;
    private final String ts;
    // The event is kept as compact JSON text plus the little every edit needs, not as a JSON tree
    // or a parsed event: an open aide holds its log since the last checkpoint in memory, and the
    // parsed form cost twice the rest of the entry (docs/performance.md). Only undo, redo and
    // replay need the event itself, and they parse it again (parsed()).
    private final String eventJson;
    private final String type;
    /** For a marker, the batch it undoes or redoes; else null. */
    private final String target;
    private final boolean mutates;

    /**
     * @param seq the entry's position in the aide's log, starting at 1, increasing
     * @param batch the id of the user action (AI turn, edit, undo) that produced it
     * @param actor a user id or {@code "ai"}
     * @param ts the time of the entry (ISO-8601 text), from the caller: the kernel has no clock
     * @param event the kernel event's JSON, or an undo/redo marker; copied
     */
    public LogEntry(long seq, String batch, String actor, Source source, String ts, JsonNode event) {
        this(seq, batch, actor, source, ts, Objects.requireNonNull(event, "event"), parseUnlessMarker(event));
    }

    /** An entry for an event the kernel has just parsed and applied: it is not parsed again. */
    LogEntry(long seq, String batch, String actor, Source source, String ts, JsonNode event, Event parsed) {
        this.seq = seq;
        this.batch = Objects.requireNonNull(batch, "batch");
        // Not interned: String.intern goes through the JVM's global table (1.4% of an edit's CPU,
        // docs/performance.md), and the open aides that it saved memory for hold no entries now.
        this.actor = actor;
        this.source = Objects.requireNonNull(source, "source");
        this.ts = ts;
        this.eventJson = event.toString();
        this.type = typeOf(event, parsed);
        this.target = parsed == null ? JsonRead.string(event.get("batch"), null) : null;
        this.mutates = parsed != null && !(parsed instanceof Event.Signal) && !(parsed instanceof Event.Invalid);
    }

    /** A kernel event's type is its record's constant, shared by every entry; other types come from the JSON. */
    private static String typeOf(JsonNode event, Event parsed) {
        if (parsed != null && !(parsed instanceof Event.Invalid) && !(parsed instanceof Event.Signal)) {
            return parsed.type();
        }
        String type = JsonRead.string(event.get("t"), null);
        return UNDO.equals(type) ? UNDO : REDO.equals(type) ? REDO : type;
    }

    private static Event parseUnlessMarker(JsonNode event) {
        String type = JsonRead.string(event.get("t"), null);
        // No copy of the caller's tree is needed: the event is read from it as tokens into new values.
        return UNDO.equals(type) || REDO.equals(type) ? null : Event.fromJson(event);
    }

    static LogEntry marker(long seq, String batch, String actor, String ts, String type, String target) {
        ObjectNode event = SnapshotJson.NODES.objectNode();
        event.put("t", type);
        event.put("batch", target);
        return new LogEntry(seq, batch, actor, Source.UNDO, ts, event);
    }

    public long seq() {
        return seq;
    }

    public String batch() {
        return batch;
    }

    public String actor() {
        return actor;
    }

    public Source source() {
        return source;
    }

    public String ts() {
        return ts;
    }

    /** The stored event JSON (a fresh tree each call: entries are immutable). */
    public JsonNode event() {
        return Json.MAPPER.readTree(eventJson);
    }

    /** The stored event as compact JSON text, as it goes into the log table. */
    public String eventJson() {
        return eventJson;
    }

    /** The event's {@code t}, e.g. {@code "entity.create"} or {@code "history.undo"}. */
    public String type() {
        return type;
    }

    public boolean isUndo() {
        return UNDO.equals(type());
    }

    public boolean isRedo() {
        return REDO.equals(type());
    }

    public boolean isMarker() {
        return isUndo() || isRedo();
    }

    /** For a marker, the batch it undoes or redoes; else null. */
    public String target() {
        return target;
    }

    /** The kernel event, parsed anew; null for a marker. */
    Event parsed() {
        return isMarker() ? null : Event.fromJson(eventJson);
    }

    /** Whether replaying this entry changes the snapshot (a kernel event that is not a signal). */
    boolean mutates() {
        return mutates;
    }

    /** {@code {"seq","batch","actor","source","ts","event"}}: one column per key of the log table. */
    public ObjectNode toJson() {
        ObjectNode json = SnapshotJson.NODES.objectNode();
        json.put("seq", seq);
        json.put("batch", batch);
        json.put("actor", actor);
        json.put("source", source.json());
        json.put("ts", ts);
        json.set("event", event());
        return json;
    }

    /** @throws IllegalArgumentException when a field is missing or of the wrong type */
    public static LogEntry fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a log entry must be a JSON object");
        }
        JsonNode seq = json.get("seq");
        JsonNode event = json.get("event");
        String batch = JsonRead.string(json.get("batch"), null);
        String source = JsonRead.string(json.get("source"), null);
        if (seq == null || !seq.isIntegralNumber() || event == null || !event.isObject() || batch == null) {
            throw new IllegalArgumentException("a log entry needs an integer seq, a batch and an event object");
        }
        return new LogEntry(seq.asLong(), batch, JsonRead.string(json.get("actor"), null),
                Source.named(source), JsonRead.string(json.get("ts"), null), event);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry that
                && seq == that.seq && batch.equals(that.batch) && Objects.equals(actor, that.actor)
                && source == that.source && Objects.equals(ts, that.ts) && event().equals(that.event());
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, batch, source, type);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
