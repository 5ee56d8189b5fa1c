package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The state of one aide: an in-memory entity tree with one exact JSON form ({@link SnapshotJson}).
 *
 * <p>Public methods are the read API used by the renderer and the web layer. The kernel
 * mutates the structure in place (so {@code apply} costs the size of the change); callers
 * that share a snapshot across threads must serialise access to it.
 */
public final class Snapshot {
    static final String ROOT = "root";

    final LinkedHashMap<String, Entity> entities = new LinkedHashMap<>();
    final Links links = new Links();
    final LinkedHashMap<String, String> relCardinalities = new LinkedHashMap<>();
    final LinkedHashMap<String, LinkRule> linkRules = new LinkedHashMap<>();
    final LinkedHashMap<String, JsonNode> globalStyles = new LinkedHashMap<>();
    final LinkedHashMap<String, LinkedHashMap<String, JsonNode>> entityStyles = new LinkedHashMap<>();
    /** Every {@code meta} key except annotations and constraints, in insertion order. */
    final LinkedHashMap<String, JsonNode> metaFields = new LinkedHashMap<>();
    final ArrayList<JsonNode> annotations = new ArrayList<>();
    final LinkedHashMap<String, ChildLimit> childLimits = new LinkedHashMap<>();
    long sequence;
    /**
     * {@link #roots()} as last computed; null until then and after any change that could alter
     * it (an entity created or moved: see {@link #treeChanged()}). Volatile so that a reader on
     * another thread never sees a half-built list.
     */
    private volatile List<Entity> roots;

    Snapshot() {
        metaFields.put("title", SnapshotJson.NULL);
        metaFields.put("identity", SnapshotJson.NULL);
    }

    /** Number of accepted mutating events so far ({@code _sequence}). */
    public long sequence() {
        return sequence;
    }

    /** {@code meta.title}, or null. */
    public String title() {
        JsonNode title = metaFields.get("title");
        return title != null && title.isString() ? title.stringValue() : null;
    }

    /** The {@code meta} object (title, identity, annotations, constraints, labels...). Do not mutate. */
    public JsonNode meta() {
        return SnapshotJson.meta(this);
    }

    /** Any entity by id, removed ones included; null when the id was never created. */
    public Entity entity(String id) {
        return entities.get(id);
    }

    /** Entities whose parent is {@code "root"}, ordered by {@code _created_seq}, removed ones included. */
    public List<Entity> roots() {
        List<Entity> cached = roots;
        if (cached == null) {
            List<Entity> found = new ArrayList<>();
            for (Entity entity : entities.values()) {
                if (entity.isTopLevel()) {
                    found.add(entity);
                }
            }
            found.sort(Comparator.comparingLong(Entity::createdSeq));
            cached = Collections.unmodifiableList(found);
            roots = cached;
        }
        return cached;
    }

    /**
     * Forgets the cached {@link #roots()}. Whoever adds an entity to {@link #entities} or changes
     * an entity's parent calls it (removal keeps an entity in place, so it does not change the roots).
     */
    void treeChanged() {
        roots = null;
    }

    /** Number of entities, removed ones included (they count against the limit until compaction). */
    public int entityCount() {
        return entities.size();
    }

    /** All relationships in insertion order. */
    public List<Relationship> relationships() {
        return List.copyOf(links.all());
    }

    /** {@code styles.global}. */
    public Map<String, JsonNode> globalStyles() {
        return Collections.unmodifiableMap(globalStyles);
    }

    /** {@code rel_cardinalities}: the cardinality each relationship type was fixed to by its first use. */
    public Map<String, String> relationshipCardinalities() {
        return Collections.unmodifiableMap(relCardinalities);
    }

    /** {@code styles.entities}: per-entity styles by entity id. */
    public Map<String, Map<String, JsonNode>> entityStyles() {
        return Collections.unmodifiableMap(entityStyles);
    }

    /** The exact JSON form ({@link SnapshotJson}). */
    public JsonNode toJson() {
        return SnapshotJson.write(this);
    }

    /** {@link #toJson()} as text, written without building the tree first. */
    public String toJsonText() {
        return SnapshotText.of(this);
    }

    /**
     * Reads the JSON form back; the inverse of {@link #toJson()}. Missing or oddly shaped
     * parts get their defaults, so stored snapshots from older formats still load.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    public static Snapshot fromJson(JsonNode json) {
        return SnapshotJson.read(json);
    }

    /** An empty aide. */
    public static Snapshot empty() {
        return new Snapshot();
    }

    /** An independent deep copy (the kernel mutates snapshots in place). */
    public Snapshot copy() {
        return SnapshotJson.read(SnapshotJson.write(this));
    }

    @Override
    public String toString() {
        return "Snapshot(sequence=" + sequence + ", entities=" + entities.size() + ")";
    }
}
