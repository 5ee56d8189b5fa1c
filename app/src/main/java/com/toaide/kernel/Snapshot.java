package com.toaide.kernel;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The state of one aide: an in-memory entity tree with the exact JSON form of kernel.md.
 *
 * <p>Public methods are the read API used by the renderer and the web layer. The kernel
 * mutates the structure in place (so {@code apply} costs the size of the change); callers
 * that share a snapshot across threads must serialise access to it.
 */
public final class Snapshot {
    // The kernel owns the representation; these are placeholders for its fields.

    /** Number of accepted mutating events so far ({@code _sequence}). */
    public long sequence() {
        throw new UnsupportedOperationException("kernel");
    }

    /** {@code meta.title}, or null. */
    public String title() {
        throw new UnsupportedOperationException("kernel");
    }

    /** The {@code meta} object (title, identity, annotations, constraints, labels...). Do not mutate. */
    public JsonNode meta() {
        throw new UnsupportedOperationException("kernel");
    }

    /** Any entity by id, removed ones included; null when the id was never created. */
    public Entity entity(String id) {
        throw new UnsupportedOperationException("kernel");
    }

    /** Entities whose parent is {@code "root"}, ordered by {@code _created_seq}, removed ones included. */
    public List<Entity> roots() {
        throw new UnsupportedOperationException("kernel");
    }

    /** Number of entities, removed ones included (they count against the limit until compaction). */
    public int entityCount() {
        throw new UnsupportedOperationException("kernel");
    }

    /** All relationships in insertion order. */
    public List<Relationship> relationships() {
        throw new UnsupportedOperationException("kernel");
    }

    /** {@code styles.global}. */
    public Map<String, JsonNode> globalStyles() {
        throw new UnsupportedOperationException("kernel");
    }

    /** The exact JSON form of kernel.md. */
    public JsonNode toJson() {
        throw new UnsupportedOperationException("kernel");
    }

    /** Reads the JSON form back; the inverse of {@link #toJson()}. */
    public static Snapshot fromJson(JsonNode json) {
        throw new UnsupportedOperationException("kernel");
    }

    /** An empty aide. */
    public static Snapshot empty() {
        throw new UnsupportedOperationException("kernel");
    }
}
