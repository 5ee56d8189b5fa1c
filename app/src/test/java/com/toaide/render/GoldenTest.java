package com.toaide.render;

import static com.toaide.render.HostileInput.BREAKOUT;
import static com.toaide.render.HostileInput.SCRIPT;
import static com.toaide.render.HostileInput.SINGLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The renderer's exact output, byte for byte, for a varied set of snapshots: the benchmark
 * pages (85 and 1,000 entities), every display type, hostile values, and the kernel's random
 * conformance snapshots. Each has its published document and editor body on file (and, for a
 * few, the Pro document); the published body and the live-patch fragments are checked against
 * those. The stylesheet every document inlines is left out of the files: it is its own source file. The files in {@code render/golden/} were captured from the renderer before its speed
 * work; a change there is a change in what pages look like.
 *
 * <p>To re-capture after an intended change: {@code GOLDEN_UPDATE=1 ./mvnw -q test -Dtest=GoldenTest},
 * then review the diff of {@code app/src/test/resources/render/golden/}.
 */
class GoldenTest {
    private static final Path DIR = Path.of("app/src/test/resources/render/golden");
    private static final PageContext FREE = new PageContext("https://pages.example.com/s/league",
            "https://pages.example.com/s/league/feed.xml", "https://example.com/", LocalDate.of(2026, 2, 12),
            PageContext.Credit.SHOWN);
    private static final PageContext PRO_BARE = new PageContext(null, null, null, null, PageContext.Credit.HIDDEN);
    private static final String STYLESHEET = "/* app/src/main/resources/render/page.css */";

    private final Renderer renderer = new Renderer();

    static Stream<Arguments> snapshots() {
        Map<String, Snapshot> s = new LinkedHashMap<>();
        s.put("typical-85", Pages.typical(85));
        s.put("typical-1000", Pages.typical(1000));
        s.put("poker-league", Samples.pokerLeague());
        s.put("hostile-values", hostileValues());
        s.put("hostile-keys-and-ids", HostileInput.keysAndIds());
        s.put("hostile-urls-and-styles", hostileUrlsAndStyles());
        s.put("mixed-types", mixedTypes());
        s.put("empty", Snap.of().build());
        s.put("untitled-blocks", Snap.of().add("a", "root", null, "text", "Loose text")
                .add("b", "root", "list", "title", "Things").add("b1", "b", null, "name", "One", "when", "2026-02-29")
                .add("c", "root", "table").build());
        int i = 0;
        for (JsonNode c : kernelCases()) {
            s.put(String.format("kernel-%02d", i++), Snapshot.fromJson(c));
        }
        return s.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Pro documents differ from free ones only in the shell, so a few snapshots pin that variant. */
    private static final Set<String> PRO_PINNED = Set.of("typical-85", "empty", "hostile-values");

    /**
     * The published document and the editor body are pinned byte for byte. The other outputs are
     * pinned through them instead of being stored again: the published body stands verbatim inside
     * the document (it is the editor body without its editing attributes, empty blocks and placeholders), and every live-patch
     * fragment stands verbatim inside its body, rooted at the entity it names.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshots")
    void renders_exactly_as_captured(String name, Snapshot snapshot) {
        String document = renderer.document(snapshot, FREE);
        String editor = renderer.editorBody(snapshot);
        String published = renderer.publishedBody(snapshot);
        check(DIR.resolve(name + ".document.html"), withoutStylesheet(document));
        check(DIR.resolve(name + ".editor.html"), editor);
        if (PRO_PINNED.contains(name)) {
            check(DIR.resolve(name + ".document-pro.html"), withoutStylesheet(renderer.document(snapshot, PRO_BARE)));
        }

        String stripped = EditorMarkupTest.strip(editor);
        if (!published.equals(stripped)) {
            // The published body is the editor's without the empty blocks and placeholders it
            // leaves out (PageWriter takes them back); the document's file pins it byte for byte.
            assertThat(published.length()).isLessThan(stripped.length());
        }
        assertThat(published).doesNotContain("<p class=\"empty\">");
        assertThat(document).contains(published);
        for (String id : fragmentIds(snapshot)) {
            for (boolean inEditor : new boolean[] {false, true}) {
                String body = inEditor ? editor : published;
                renderer.entity(snapshot, id, inEditor).ifPresent(fragment -> {
                    assertThat(body).as("fragment of %s", id).contains(fragment.html());
                    if (inEditor) {
                        assertThat(fragment.html()).contains("data-entity=\"");
                    }
                });
            }
        }
    }

    /**
     * The document with its inlined stylesheet (exactly once, exactly {@code pageCss()}, which is
     * the source file {@code render/page.css}) replaced by a marker: the files here pin the rest
     * of the document without a copy of the stylesheet in each.
     */
    private String withoutStylesheet(String document) {
        String css = renderer.pageCss();
        int at = document.indexOf(css);
        assertThat(at).as("the document inlines the stylesheet").isNotNegative();
        assertThat(document.indexOf(css, at + 1)).as("the stylesheet is inlined once").isNegative();
        return document.replace(css, STYLESHEET);
    }

    private static void check(Path file, String actual) {
        try {
            if (System.getenv("GOLDEN_UPDATE") != null) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (GOLDEN_UPDATE=1 writes it)", file).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            // Compare the strings, then the bytes: no normalisation in between.
            assertThat(actual).as("output differs from %s", file).isEqualTo(expected);
            assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every 7th entity (at most 40), removed ones and an unknown id included. */
    private static List<String> fragmentIds(Snapshot snapshot) {
        List<String> ids = new ArrayList<>();
        int i = 0;
        for (String id : snapshot.toJson().get("entities").propertyNames()) {
            if (i++ % 7 == 0 && ids.size() < 40) {
                ids.add(id);
            }
        }
        ids.add("no_such_entity");
        return ids;
    }

    private static Snapshot hostileValues() {
        return Snap.of().title(SCRIPT).page("p", SCRIPT)
                .add("intro", "p", "text", "text", "Tom & Jerry's \"best\" <b>day</b> — “quoted” café ✓ 🎲\nnext line")
                .add("c", "p", "card", "title", SCRIPT, "note", SCRIPT, "who", List.of(SCRIPT, "x & y", 3, true),
                        "alt", BREAKOUT + SINGLE)
                .add("t", "p", "text", "text", SCRIPT)
                .add("m", "p", "metric", "value", SCRIPT, "label", SCRIPT)
                .add("i", "p", "image", "src", "https://example.com/a.png?x=1&y=\"2\"", "alt", BREAKOUT + SINGLE,
                        "caption", BREAKOUT)
                .add("tb", "p", "table", "title", BREAKOUT, "_group_by", "team")
                .add("r1", "tb", null, "name", SINGLE, "team", SCRIPT, "n", 1)
                .add("r2", "tb", null, "name", "<&>", "team", "", "n", -12345.678)
                .add("k", "p", "checklist", "title", "Chk & <list>")
                .add("k1", "k", null, "task", SCRIPT, "done", true, "who", BREAKOUT)
                .add("k2", "k", null, "label", "&amp;", "checked", false)
                .add("l", "p", "list", "title", "L")
                .add("l1", "l", null, "title", BREAKOUT, "x", SINGLE)
                .add("g", "p", "grid", "title", "G", "_row_labels", List.of(SCRIPT), "_col_labels", List.of(BREAKOUT, SINGLE))
                .add("cell_0_0", "g", null, "value", SCRIPT)
                .add("cell_0_1", "g", null, "text", BREAKOUT)
                .add("big", "p", "text", "text", "<b>".repeat(500) + "x")
                .rel("r1", "k1", "brings " + SCRIPT)
                .rel("l1", "c", BREAKOUT)
                .build();
    }

    private static Snapshot hostileUrlsAndStyles() {
        Snap snap = Snap.of().page("p", "P")
                .add("i", "p", "image", "src", "javascript:alert(1)", "caption", "c")
                .add("u", "p", null, "url", "JaVaScRiPt:alert(1)")
                .add("d", "p", "image", "src", "data:image/svg+xml,<svg onload=alert(1)>")
                .add("c", "p", "card", "title", "T", "link", "javascript:alert(1)", "site", " javascript:alert(1)",
                        "href", "vbscript:msgbox(1)", "web", "https://ok.example/\" onclick=\"x",
                        "long", "https://example.com/" + "a".repeat(100))
                .add("s", "p", "card", "title", "Styled", "styles", List.of("highlight", "muted"))
                .style("s", "color", "red;background:url(https://evil.example/x)", "background",
                        "</style><script>x</script>", "font_weight", "bold")
                .globalStyle("accent", "expression(alert(1))")
                .globalStyle("font", "serif");
        // A cycle and an id listed twice.
        snap.add("a", "p", "card", "title", "A").add("b", "a", "card", "title", "B");
        snap.children("b", "a", "b", "p");
        snap.add("n1", "p", "card", "title", "Level 1");
        String parent = "n1";
        for (int i = 2; i <= 14; i++) {
            snap.add("n" + i, parent, "card", "title", "Level " + i);
            parent = "n" + i;
        }
        snap.remove("n14");
        return snap.build();
    }

    private static Snapshot mixedTypes() {
        return Snap.of().title("Mixed").page("p", "Mixed")
                .add("lead", "p", "text", "description", "A page of every kind of value")
                .add("nums", "p", "table", "title", "Numbers", "_sort_by", "v", "_show_fields", "name, v, w, missing")
                .add("n1", "nums", null, "name", "big", "v", 12345678901L, "w", 0.1 + 0.2)
                .add("n2", "nums", null, "name", "neg", "v", -10000, "w", 3.0)
                .add("n3", "nums", null, "name", "small", "v", 9999, "w", 1e-9)
                .add("n4", "nums", null, "name", "none", "w", new java.math.BigDecimal("123456789.123456789"))
                .add("dates", "p", "table", "title", "Dates", "_hide_fields", List.of("secret"), "_sort_by", "d",
                        "_sort_order", "DESC")
                .add("d1", "dates", null, "name", "utc", "d", "2026-05-22T19:00:00Z", "secret", "x")
                .add("d2", "dates", null, "name", "offset", "d", "2026-05-22T07:05:30.123+02:00")
                .add("d3", "dates", null, "name", "day", "d", "2026-12-01")
                .add("d4", "dates", null, "name", "bad", "d", "2026-13-01")
                .add("d5", "dates", null, "name", "midnight", "d", "2026-01-01 00:00")
                .add("stats", "p", "section", "title", "Stats")
                .add("m1", "stats", null, "value", 42, "label", "Answer")
                .add("m2", "stats", null, "count", 0)
                .add("m3", "stats", "metric", "value", 1.5, "title", "Rate", "unit", "x")
                .add("tx", "p", null, "content", "Only content")
                .add("img", "p", null, "url", "http://example.com/i.png", "title", "Pic")
                .add("grid", "p", "grid", "title", "Board", "_rows", 1000, "_cols", 2)
                .add("cell_1_1", "grid", null, "label", "one-based")
                .add("cell_3_2", "grid", null, "flag", true)
                .add("unknown", "p", "Weird", "title", "Unknown display")
                .add("TABLE", "p", "TABLE", "title", "Upper")
                .add("u1", "TABLE", null, "camelCaseKey", "v", "snake_case_key", "w", "RSVP", "yes")
                .add("empty_sec", "p", "section", "title", "Nothing")
                .add("empty_list", "p", "checklist", "title", "No items")
                .rel("n1", "d1", "related_to")
                .rel("n1", "d2", "related_to")
                .rel("n2", "missing", "dangling")
                .build();
    }

    private static List<JsonNode> kernelCases() {
        List<JsonNode> out = new ArrayList<>();
        for (String file : List.of("random-40.json", "spec-fixes.json")) {
            try (InputStream in = GoldenTest.class.getResourceAsStream("/fixtures/kernel/" + file)) {
                JsonNode root = Snap.JSON.readTree(in);
                for (JsonNode c : root.get("cases")) {
                    JsonNode snapshot = c.get("snapshot");
                    if (snapshot != null && snapshot.isObject()) {
                        out.add(snapshot);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
