package com.toaide.render;

import com.toaide.kernel.Snapshot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text written to break out of markup, and a snapshot with it where names go: shared by the
 * escaping checks and the golden files, so what is checked for escaping is what is on file.
 */
final class HostileInput {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    static final String SINGLE = "' onmouseover='alert(1)";

    private HostileInput() {}

    /**
     * Hostile prop keys on a card and a table row, an object value holding a script, and an
     * entity whose id is hostile: an id the kernel would refuse, as a hand-made snapshot may hold.
     */
    static Snapshot keysAndIds() {
        Snap snap = Snap.of().page("p", "P");
        snap.add("c", "p", "card", "title", "T", BREAKOUT, "v1", SCRIPT, "v2", SINGLE, "v3");
        snap.add("t", "p", "table", "title", "Rows");
        snap.add("r", "t", null, BREAKOUT, "cell", "name", "x");
        ObjectNode json = snap.json();
        ObjectNode entities = (ObjectNode) json.get("entities");
        ObjectNode odd = (ObjectNode) entities.get("c").deepCopy();
        odd.put("id", BREAKOUT);
        odd.put("_created_seq", 99);
        entities.set(BREAKOUT, odd);
        ((ArrayNode) entities.get("p").get("_children")).add(BREAKOUT);
        ((ObjectNode) entities.get("c").get("props")).putObject("obj").put("x", SCRIPT);
        return Snapshot.fromJson(json);
    }
}
