package com.toaide.render;

import static com.toaide.render.Props.bool;
import static com.toaide.render.Props.present;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The ordered display rules: how an entity without an explicit display is shown. */
final class DisplayRules {

    private DisplayRules() {}

    static Display infer(Snapshot snapshot, Entity e) {
        String display = e.display();
        if (display != null && !display.isBlank()) {
            return Display.named(display);
        }
        // One pass over the props for everything the rules ask, instead of a lookup per key.
        boolean image = false;
        boolean checked = false;
        boolean number = false;
        boolean text = false;
        int visible = 0;
        for (Map.Entry<String, JsonNode> p : e.props().entrySet()) {
            String k = p.getKey();
            JsonNode v = p.getValue();
            switch (k) {
                case "src", "url" -> image |= present(v);
                case "done", "checked" -> checked |= bool(v);
                case "value", "count" -> number |= present(v);
                case "text" -> text = true;
                default -> { }
            }
            if (Props.visible(k)) {
                visible++;
            }
        }
        if (image) {
            return Display.IMAGE;
        }
        if (checked) {
            return Display.CARD;
        }
        if (number && visible <= 3) {
            return Display.METRIC;
        }
        if (visible == 1 && text) {
            return Display.TEXT;
        }
        Entity first = firstLiveChild(snapshot, e);
        if (first != null) {
            return bool(first.prop("done")) || bool(first.prop("checked")) ? Display.CHECKLIST : Display.TABLE;
        }
        return Display.CARD;
    }

    private static Entity firstLiveChild(Snapshot snapshot, Entity e) {
        for (String id : e.children()) {
            Entity c = snapshot.entity(id);
            if (c != null && !c.removed()) {
                return c;
            }
        }
        return null;
    }
}
