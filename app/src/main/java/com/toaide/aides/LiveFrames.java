package com.toaide.aides;

import com.toaide.kernel.Json;
import com.toaide.kernel.Snapshot;
import com.toaide.render.PageImages;
import com.toaide.render.Renderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server → browser frames of the live channel (docs/architecture.md). Frames carry rendered HTML, so the
 * browser needs no renderer: a {@code page} frame replaces the page, a {@code patch} frame
 * replaces one block, found by its {@code data-entity}.
 */
final class LiveFrames {
    private final Renderer renderer;

    LiveFrames(Renderer renderer) {
        this.renderer = renderer;
    }

    String page(Snapshot snapshot, long version, PageImages photos) {
        var frame = Json.MAPPER.createObjectNode();
        frame.put("type", "page");
        frame.put("sequence", version);
        frame.put("html", renderer.editorBody(snapshot, photos));
        return frame.toString();
    }

    /**
     * One patch per changed block, or one page frame when the whole page changed, when a
     * changed entity has no block of its own, or when the page is smaller than the patches.
     */
    List<String> change(Snapshot snapshot, long version, Optional<Set<String>> changed, PageImages photos) {
        if (changed.isEmpty()) {
            return List.of(page(snapshot, version, photos));
        }
        var blocks = new LinkedHashMap<String, String>();
        for (String id : changed.get()) {
            var fragment = renderer.entity(snapshot, id, true, photos);
            if (fragment.isEmpty()) {
                return List.of(page(snapshot, version, photos));
            }
            blocks.put(fragment.get().entity(), fragment.get().html());
        }
        String page = page(snapshot, version, photos);
        int patchBytes = blocks.values().stream().mapToInt(String::length).sum();
        if (patchBytes >= page.length()) {
            return List.of(page);
        }
        var frames = new ArrayList<String>();
        blocks.forEach((entity, html) -> {
            var frame = Json.MAPPER.createObjectNode();
            frame.put("type", "patch");
            frame.put("sequence", version);
            frame.put("entity", entity);
            frame.put("html", html);
            frames.add(frame.toString());
        });
        return frames;
    }
}
