package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RenderCommandTest {
    private final Renderer renderer = new Renderer();

    private record Run(int status, List<JsonNode> lines) {}

    private static Run run(String input, String... options) {
        StringWriter out = new StringWriter();
        int status = RenderCommand.run(new StringReader(input), out, options);
        List<JsonNode> lines = out.toString().lines().map(l -> Snap.JSON.readTree(l)).toList();
        return new Run(status, lines);
    }

    private static String line(com.toaide.kernel.Snapshot s) {
        return s.toJson().toString();
    }

    @Test
    void each_snapshot_line_becomes_a_line_with_the_published_document() {
        String input = line(Samples.pokerLeague()) + "\n" + line(com.toaide.kernel.Snapshot.empty()) + "\n";
        Run r = run(input);
        assertThat(r.status()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0).get("html").asString())
                .isEqualTo(renderer.document(Samples.pokerLeague(), new PageContext(null, null, null, null, PageContext.Credit.SHOWN)));
        assertThat(r.lines().get(1).get("html").asString()).contains("<main>").doesNotContain("Nothing here yet.")
                .contains("Maintained with AIde");
    }

    @Test
    void tier_pro_drops_the_badge_and_the_context_options_fill_the_document() {
        Run r = run(line(Samples.pokerLeague()), "--plan", "pro", "--updated=2026-05-01", "--url", "https://p.example/s/x",
                "--feed", "https://p.example/s/x/feed.xml");
        String html = r.lines().get(0).get("html").asString();
        assertThat(html).doesNotContain("Maintained with").contains("Updated <time datetime=\"2026-05-01\">May 1, 2026</time>")
                .contains("<link rel=\"canonical\" href=\"https://p.example/s/x\">").contains("feed.xml");
        assertThat(html).isEqualTo(renderer.document(Samples.pokerLeague(), new PageContext("https://p.example/s/x",
                "https://p.example/s/x/feed.xml", null, LocalDate.of(2026, 5, 1), PageContext.Credit.HIDDEN)));
    }

    @Test
    void editor_writes_the_editor_markup() {
        Run r = run(line(Samples.pokerLeague()), "--editor");
        assertThat(r.lines().get(0).get("html").asString()).isEqualTo(renderer.editorBody(Samples.pokerLeague()));
    }

    @Test
    void a_malformed_line_gives_an_error_line_and_the_run_goes_on() {
        String input = "{not json\n[1,2]\n\"text\"\n" + line(Samples.pokerLeague()) + "\n";
        Run r = run(input);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).hasSize(4);
        assertThat(r.lines().get(0).get("error").asString()).startsWith("line 1: not JSON");
        assertThat(r.lines().get(1).get("error").asString()).startsWith("line 2: not a snapshot");
        assertThat(r.lines().get(2).has("error")).isTrue();
        assertThat(r.lines().get(3).get("html").asString()).startsWith("<!doctype html>");
    }

    @Test
    void a_line_of_replay_output_is_read_as_its_snapshot() {
        String input = "{\"results\":[{\"accepted\":true}],\"snapshot\":" + line(Samples.pokerLeague()) + "}";
        assertThat(run(input).lines().get(0).get("html").asString()).contains("Thursday Poker League");
    }

    @Test
    void an_unknown_option_or_plan_is_a_usage_error() {
        assertThat(run("", "--bogus").status()).isEqualTo(2);
        Run r = run("", "--plan", "gold");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.lines().get(0).get("error").asString()).contains("usage");
    }

    @Test
    void blank_lines_are_skipped() {
        assertThat(run("\n\n" + line(Samples.pokerLeague()) + "\n\n").lines()).hasSize(1);
    }

    /** Replay output lines are read from their tokens (results skipped), other lines whole: the same pages either way. */
    @Test
    void a_replay_line_renders_its_snapshot_whatever_lies_beside_it() {
        String poker = line(Samples.pokerLeague());
        String empty = line(com.toaide.kernel.Snapshot.empty());
        Run r = run(String.join("\n",
                poker,
                "{\"results\":[{\"accepted\":true},[1,{\"a\":\"b\"}]],\"snapshot\":" + poker + "}",
                "{\"snapshot\":5,\"snapshot\":" + poker + "}",
                empty,
                "{\"snapshot\":" + poker + ",\"snapshot\":5}",
                "{\"snapshot\":" + poker + ",\"entities\":{}}",
                "{\"snapshot\":" + poker + "} {}") + "\n");

        List<String> pages = r.lines().stream().map(l -> l.has("html") ? l.get("html").asString() : "error").toList();
        assertThat(pages.get(1)).isEqualTo(pages.get(0));
        assertThat(pages.get(2)).isEqualTo(pages.get(0));
        assertThat(pages.get(4)).isEqualTo(pages.get(3));
        assertThat(pages.get(5)).isEqualTo(pages.get(3));
        assertThat(pages.get(6)).isEqualTo("error");
        assertThat(r.status()).isEqualTo(1);
    }

    /**
     * A replay line's snapshot is read straight from its tokens when in the kernel's shape, and
     * whole otherwise: the same pages and the same errors either way.
     */
    @Test
    void a_snapshot_read_from_tokens_renders_as_the_same_snapshot_read_whole() {
        String poker = line(Samples.pokerLeague());
        String oddShape = poker.replaceFirst("\\{\"meta\":", "{\"_sequence\":0,\"meta\":"); // repeated: left to the tree
        String badRule = "{\"rel_constraints\":{\"r\":{\"rule\":5}}}";
        Run r = run(String.join("\n",
                poker,
                "{\"results\":[],\"snapshot\":" + poker + "}",
                "{\"results\":[],\"snapshot\":" + oddShape + "}",
                badRule,
                "{\"results\":[],\"snapshot\":" + badRule + "}",
                "{\"results\":[],\"snapshot\":" + badRule + "} trailing") + "\n");

        List<String> out = r.lines().stream().map(JsonNode::toString).toList();
        assertThat(out.get(1)).isEqualTo(out.get(0));
        assertThat(out.get(2)).isEqualTo(out.get(0));
        assertThat(out.get(4).replace("line 5", "line 4")).isEqualTo(out.get(3));
        assertThat(out.get(5)).contains("not JSON");
    }
}
