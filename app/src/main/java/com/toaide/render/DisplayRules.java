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
        Map<String, JsonNode> props = e.props();
        if (present(props.get("src")) || present(props.get("url"))) {
            return Display.IMAGE;
        }
        if (bool(props.get("done")) || bool(props.get("checked"))) {
            return Display.CARD;
        }
        int visible = Props.visibleCount(props);
        if ((present(props.get("value")) || present(props.get("count"))) && visible <= 3) {
            return Display.METRIC;
        }
        if (visible == 1 && props.containsKey("text")) {
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
