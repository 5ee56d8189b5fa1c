package com.toaide.ai;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The page as the model reads it (prompts v2, "What you are shown"): live entities in tree
 * order, one line each ({@code <indent><id> (<display>) {props}}), then the live links. Left
 * out: removed entities, sequence numbers, empty maps, null props, styles: bookkeeping the
 * model cannot use and pays for on every turn.
 *
 * <p>The view stays within a budget of tokens, counted cautiously from characters. A page over it is summarised: every
 * entity with children keeps its line, and in each parent only the most recently changed
 * leaf rows keep their props (the ones a person is most likely to talk about next); the
 * others are listed by id, or, when even the ids do not fit, counted with the first and last.
 * The cut is the same for every parent, the largest that fits.
 */
public final class PageView {
    /** A page of a few hundred rows fits whole; a turn on the largest aide stays affordable. */
    public static final int DEFAULT_BUDGET_TOKENS = 12_000;
    /** A cautious ratio for ids, digits and JSON punctuation, which take more tokens than prose. */
    public static final int CHARS_PER_TOKEN = 3;

    private final Snapshot snapshot;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private int widestParent;

    /** One live entity in page order: its depth, and the line it takes when shown whole. */
    private record Line(Entity entity, int depth, boolean leaf, String whole) {}

    private PageView(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Entity root : snapshot.roots()) {
            if (!root.removed()) {
                walk(root, 0);
            }
        }
        for (Relationship link : snapshot.relationships()) {
            if (live(snapshot.entity(link.from())) && live(snapshot.entity(link.to()))) {
                links.add(link.from() + " -[" + link.type() + ", " + link.cardinality() + "]-> " + link.to());
            }
        }
    }

    /** The view of {@code snapshot} in at most {@code budgetTokens} tokens (counted as {@link #CHARS_PER_TOKEN} characters each). */
    public static String of(Snapshot snapshot, int budgetTokens) {
        return new PageView(snapshot).render(budgetTokens * CHARS_PER_TOKEN);
    }

    private void walk(Entity entity, int depth) {
        List<Entity> children = liveChildren(entity);
        lines.add(new Line(entity, depth, children.isEmpty(), line(entity, depth)));
        widestParent = Math.max(widestParent, children.size());
        for (Entity child : children) {
            walk(child, depth + 1);
        }
    }

    private List<Entity> liveChildren(Entity entity) {
        List<Entity> live = new ArrayList<>();
        for (String id : entity.children()) {
            Entity child = snapshot.entity(id);
            if (live(child) && entity.id().equals(child.parent())) {
                live.add(child);
            }
        }
        return live;
    }

    private static boolean live(Entity entity) {
        return entity != null && !entity.removed();
    }

    private static String line(Entity entity, int depth) {
        StringBuilder line = new StringBuilder().append("  ".repeat(depth)).append(entity.id());
        if (entity.display() != null) {
            line.append(" (").append(entity.display()).append(')');
        }
        ObjectNode props = ToolInputParser.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> prop : entity.props().entrySet()) {
            if (prop.getValue() != null && !prop.getValue().isNull()) {
                props.set(prop.getKey(), prop.getValue());
            }
        }
        if (!props.isEmpty()) {
            line.append(' ').append(ToolInputParser.JSON.writeValueAsString(props));
        }
        return line.append('\n').toString();
    }

    private String render(int budget) {
        if (lines.isEmpty()) {
            return "(empty: nothing on the page yet)\n";
        }
        String whole = render(Integer.MAX_VALUE, true);
        if (whole.length() <= budget) {
            return whole;
        }
        for (boolean listIds : new boolean[] {true, false}) {
            int low = 0;
            int high = widestParent;
            String best = null;
            while (low <= high) {
                int keep = (low + high) >>> 1;
                String text = render(keep, listIds);
                if (text.length() <= budget) {
                    best = text;
                    low = keep + 1;
                } else {
                    high = keep - 1;
                }
            }
            if (best != null) {
                return best;
            }
        }
        String tight = render(0, false);
        int end = tight.lastIndexOf('\n', budget - 80);
        return tight.substring(0, Math.max(0, end + 1)) + "... the rest of the page is left out (" + lines.size()
                + " entities in all).\n";
    }

    /**
     * The view with at most {@code keep} whole leaf rows per parent; the other leaves are
     * listed by id, or only counted with the first and last id.
     */
    private String render(int keep, boolean listIds) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < lines.size()) {
            Line line = lines.get(at);
            if (!line.leaf()) {
                out.append(line.whole());
                at++;
                continue;
            }
            int end = at;
            while (end < lines.size() && lines.get(end).leaf() && lines.get(end).depth() == line.depth()
                    && sameParent(lines.get(end), line)) {
                end++;
            }
            rows(out, lines.subList(at, end), keep, listIds);
            at = end;
        }
        if (!links.isEmpty()) {
            out.append("\nLinks:\n");
            links.forEach(link -> out.append(link).append('\n'));
        }
        return out.toString();
    }

    private static boolean sameParent(Line a, Line b) {
        return a.entity().parent().equals(b.entity().parent());
    }

    /** A run of sibling leaves: the {@code keep} most recently changed whole, in page order, then the rest in one line. */
    private static void rows(StringBuilder out, List<Line> run, int keep, boolean listIds) {
        if (run.size() <= keep) {
            run.forEach(line -> out.append(line.whole()));
            return;
        }
        Set<Line> whole = new HashSet<>(run.stream()
                .sorted(Comparator.comparingLong((Line line) -> line.entity().updatedSeq()).reversed())
                .limit(keep).toList());
        List<String> rest = new ArrayList<>();
        for (Line line : run) {
            if (whole.contains(line)) {
                out.append(line.whole());
            } else {
                rest.add(line.entity().id());
            }
        }
        String indent = "  ".repeat(run.get(0).depth());
        if (listIds) {
            out.append(indent).append("... ").append(rest.size()).append(" more, props left out: ")
                    .append(String.join(", ", rest)).append('\n');
        } else {
            out.append(indent).append("... ").append(rest.size()).append(" more, props and ids left out, from ")
                    .append(rest.get(0)).append(" to ").append(rest.get(rest.size() - 1)).append('\n');
        }
    }
}
