package com.toaide.ai;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The photos uploaded to an aide as the model reads them, below the page view (prompts v2, "What
 * you are shown"), so that "put the kitchen photo under Before" finds a photo that is not on the
 * page. The model never sees the pixels: it tells photos apart by the file name, the shape, the
 * day and the description (alt text or caption) a block gave them. A photo on the page is named
 * with the entities that show it (their lines in the view hold its description); one that is not
 * (never placed, or its block removed) with the description of the block removed last.
 *
 * <p>Newest first, at most {@link #MAX_LISTED} photos and {@link #MAX_CHARS} characters, each
 * name and description quoted as JSON (a file name cannot end a line or open a section) and cut
 * at {@link #MAX_TEXT} characters.
 */
public final class UploadedPhotos {
    /** Enough for a renovation's before and after; an aide with hundreds lists its newest. */
    public static final int MAX_LISTED = 30;
    /** About a tenth of the page view's budget. */
    public static final int MAX_CHARS = 4_000;
    static final int MAX_TEXT = 100;
    private static final String SCHEME = "upload:";

    /** One uploaded photo: {@code id} as in {@code upload:<id>}; {@code name} may be null. */
    public record Photo(String id, int width, int height, String name, LocalDate uploaded) {}

    private UploadedPhotos() {}

    /**
     * The section for {@code newestFirst}: empty when there are none. Pass one more than
     * {@link #MAX_LISTED} to have older ones counted as left out.
     */
    public static String of(Snapshot snapshot, List<Photo> newestFirst) {
        if (newestFirst.isEmpty()) {
            return "";
        }
        var blocks = new Blocks(snapshot);
        var out = new StringBuilder("\nPhotos uploaded to this aide, newest first (an image entity shows one with its src):\n");
        int listed = 0;
        for (Photo photo : newestFirst) {
            String line = line(photo, blocks);
            if (listed == MAX_LISTED || out.length() + line.length() > MAX_CHARS - 40) {
                return out.append("... older photos left out.\n").toString();
            }
            out.append(line);
            listed++;
        }
        return out.toString();
    }

    private static String line(Photo photo, Blocks blocks) {
        var line = new StringBuilder(SCHEME).append(photo.id()).append(' ').append(photo.width()).append('x')
                .append(photo.height()).append(' ').append(shape(photo));
        if (photo.name() != null) {
            line.append(", file ").append(quoted(photo.name()));
        }
        line.append(", uploaded ").append(photo.uploaded());
        List<String> shownBy = blocks.live.getOrDefault(photo.id(), List.of());
        if (!shownBy.isEmpty()) {
            line.append(", on the page as ").append(String.join(", ", shownBy));
        } else {
            line.append(", not on the page");
            Entity last = blocks.lastRemoved.get(photo.id());
            String described = last == null ? null : description(last);
            if (described != null) {
                line.append(", described as ").append(quoted(described));
            }
        }
        return line.append('\n').toString();
    }

    private static String shape(Photo photo) {
        return photo.width() > photo.height() ? "landscape" : photo.width() < photo.height() ? "portrait" : "square";
    }

    private static String description(Entity block) {
        for (String prop : new String[] {"alt", "caption"}) {
            JsonNode value = block.props().get(prop);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString().strip();
            }
        }
        return null;
    }

    private static String quoted(String text) {
        String cut = text.codePointCount(0, text.length()) <= MAX_TEXT ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
        return ToolInputParser.JSON.writeValueAsString(cut);
    }

    /** Which entities point at each photo: the live ones in page order, and the one removed last. */
    private static final class Blocks {
        final Map<String, List<String>> live = new HashMap<>();
        final Map<String, Entity> lastRemoved = new HashMap<>();

        Blocks(Snapshot snapshot) {
            var seen = new HashSet<String>();
            var pending = new ArrayDeque<Entity>(snapshot.roots());
            // Depth first in child order, so live blocks are named in page order.
            while (!pending.isEmpty()) {
                Entity entity = pending.pop();
                if (!seen.add(entity.id())) {
                    continue;
                }
                note(entity);
                var children = new ArrayList<Entity>();
                for (String id : entity.children()) {
                    Entity child = snapshot.entity(id);
                    if (child != null) {
                        children.add(child);
                    }
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }

        private void note(Entity entity) {
            JsonNode src = entity.props().get("src");
            if (src == null || !src.isString() || !src.asString().startsWith(SCHEME)) {
                return;
            }
            String id = src.asString().substring(SCHEME.length());
            if (!entity.removed()) {
                live.computeIfAbsent(id, k -> new ArrayList<>()).add(entity.id());
            } else {
                lastRemoved.merge(id, entity, (a, b) -> a.removedSeq() >= b.removedSeq() ? a : b);
            }
        }
    }
}
