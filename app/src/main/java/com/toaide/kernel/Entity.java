package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One node of the entity tree. Readers (the renderer, the web layer) see it read-only;
 * only the kernel, through the kernel, changes it.
 *
 * <p>Prop and style values are JSON scalars or arrays of scalars ({@link Limits}).
 */
public final class Entity {
    final String id;
    String parent;
    String display;
    final LinkedHashMap<String, JsonNode> props = new LinkedHashMap<>();
    final ArrayList<String> children = new ArrayList<>();
    // Read-only views made once: readers ask for props and children many times per render.
    private final Map<String, JsonNode> propsView = Collections.unmodifiableMap(props);
    private final List<String> childrenView = Collections.unmodifiableList(children);
    boolean removed;
    long createdSeq;
    long updatedSeq;
    long removedSeq = -1;
    LinkedHashMap<String, JsonNode> styles;
    /**
     * This entity's JSON object as {@link SnapshotText} last wrote it; null until then and
     * after any change to it. The server stores the whole snapshot on every edit, and an edit
     * changes one or two entities: the rest are written from here. Whoever changes a field above
     * (or this entity's children) sets it to null.
     */
    String text;

    Entity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code "root"} or the parent's id. */
    public String parent() {
        return parent;
    }

    /** The explicit display, as given, or null. */
    public String display() {
        return display;
    }

    /** Props in insertion order. */
    public Map<String, JsonNode> props() {
        return propsView;
    }

    public JsonNode prop(String key) {
        return props.get(key);
    }

    /** Child ids in display order, removed children included. */
    public List<String> children() {
        return childrenView;
    }

    public boolean removed() {
        return removed;
    }

    public long createdSeq() {
        return createdSeq;
    }

    public long updatedSeq() {
        return updatedSeq;
    }

    /** The {@code _sequence} of the remove that removed this entity, or -1 while it is live. */
    public long removedSeq() {
        return removedSeq;
    }

    /** The entity's own styles ({@code _styles}); empty when none were set. */
    public Map<String, JsonNode> styles() {
        return styles == null ? Map.of() : Collections.unmodifiableMap(styles);
    }

    boolean isTopLevel() {
        return Snapshot.ROOT.equals(parent);
    }
}
