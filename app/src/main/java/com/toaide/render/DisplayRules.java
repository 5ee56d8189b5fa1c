package com.toaide.render;

import static com.toaide.render.Props.bool;
import static com.toaide.render.Props.present;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/** The ordered display rules: how an entity without an explicit display is shown. */
final class DisplayRules {

    private DisplayRules() {}

    static Display infer(Snapshot snapshot, Entity e) {
        String display = e.display();
        if (display != null && !display.isBlank()) {
            return Display.named(display);
        }
        PropScan props = new PropScan();
        e.props().forEach(props);
        if (props.image) {
            return Display.IMAGE;
        }
        if (props.checked) {
            return Display.CARD;
        }
        if (props.number && props.visible <= 3) {
            return Display.METRIC;
        }
        if (props.visible == 1 && props.text) {
            return Display.TEXT;
        }
        Entity first = firstLiveChild(snapshot, e);
        if (first != null) {
            return bool(first.prop("done")) || bool(first.prop("checked")) ? Display.CHECKLIST : Display.TABLE;
        }
        return Display.CARD;
    }

    private static Entity firstLiveChild(Snapshot snapshot, Entity e) {
        List<String> children = e.children();
        for (int i = 0; i < children.size(); i++) {
            Entity c = snapshot.entity(children.get(i));
            if (c != null && !c.removed()) {
                return c;
            }
        }
        return null;
    }

    /**
     * One pass over the props for everything the rules ask, instead of a lookup per key. It is
     * given to the map's forEach, which walks the map's own entries (an iterator and an entry
     * view per prop showed in profiles).
     */
    private static final class PropScan implements BiConsumer<String, JsonNode> {
        boolean image;
        boolean checked;
        boolean number;
        boolean text;
        int visible;

        @Override
        public void accept(String k, JsonNode v) {
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
    }
}
