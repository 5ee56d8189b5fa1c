package com.toaide.render;

import com.toaide.kernel.Snapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds snapshots in the kernel's JSON form ({@code Snapshot.toJson}), the way the kernel would store them:
 * children appended to their parent's {@code _children}, sequence numbers rising.
 */
final class Snap {
    static final JsonMapper JSON = JsonMapper.shared();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode entities;
    private final ArrayNode relationships;
    private long seq;

    Snap() {
        ObjectNode meta = root.putObject("meta");
        meta.putNull("title");
        meta.putNull("identity");
        meta.putArray("annotations");
        meta.putObject("constraints");
        entities = root.putObject("entities");
        relationships = root.putArray("relationships");
        root.putObject("rel_cardinalities");
        root.putObject("rel_constraints");
        ObjectNode styles = root.putObject("styles");
        styles.putObject("global");
        styles.putObject("entities");
    }

    static Snap of() {
        return new Snap();
    }

    Snap title(String title) {
        ((ObjectNode) root.get("meta")).put("title", title);
        return this;
    }

    Snap meta(String key, Object value) {
        ((ObjectNode) root.get("meta")).set(key, JSON.valueToTree(value));
        return this;
    }

    /** An entity; {@code props} alternate key and value (values: String, Number, Boolean, null, List). */
    Snap add(String id, String parent, String display, Object... props) {
        ObjectNode e = entities.putObject(id);
        e.put("id", id);
        e.put("parent", parent);
        if (display == null) {
            e.putNull("display");
        } else {
            e.put("display", display);
        }
        ObjectNode p = e.putObject("props");
        for (int i = 0; i < props.length; i += 2) {
            p.set((String) props[i], JSON.valueToTree(props[i + 1]));
        }
        e.put("_removed", false);
        e.putArray("_children");
        e.put("_created_seq", ++seq);
        e.put("_updated_seq", seq);
        if (!parent.equals("root")) {
            ((ArrayNode) entities.get(parent).get("_children")).add(id);
        }
        root.put("_sequence", seq);
        return this;
    }

    Snap page(String id, String title) {
        return add(id, "root", "page", "title", title);
    }

    Snap remove(String id) {
        ObjectNode e = (ObjectNode) entities.get(id);
        e.put("_removed", true);
        e.put("_removed_seq", ++seq);
        return this;
    }

    Snap children(String id, String... order) {
        ArrayNode c = ((ObjectNode) entities.get(id)).putArray("_children");
        for (String o : order) {
            c.add(o);
        }
        return this;
    }

    Snap style(String id, Object... pairs) {
        ObjectNode s = ((ObjectNode) entities.get(id)).putObject("_styles");
        for (int i = 0; i < pairs.length; i += 2) {
            s.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        ((ObjectNode) root.get("styles").get("entities")).set(id, s.deepCopy());
        return this;
    }

    Snap globalStyle(String key, Object value) {
        ((ObjectNode) root.get("styles").get("global")).set(key, JSON.valueToTree(value));
        return this;
    }

    Snap rel(String from, String to, String type) {
        ObjectNode r = relationships.addObject();
        r.put("from", from);
        r.put("to", to);
        r.put("type", type);
        r.put("cardinality", "many_to_many");
        return this;
    }

    /** Direct access for hostile shapes the builder does not offer. */
    ObjectNode json() {
        return root;
    }

    Snapshot build() {
        return Snapshot.fromJson(root);
    }

    static Snapshot parse(String json) {
        JsonNode node = JSON.readTree(json);
        return Snapshot.fromJson(node);
    }
}
