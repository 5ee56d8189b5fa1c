package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ReplayCommandTest {

    private static String[] run(String input, int expectedStatus) {
        StringWriter out = new StringWriter();
        int status = ReplayCommand.run(new StringReader(input), out);
        assertThat(status).isEqualTo(expectedStatus);
        return out.toString().split("\n");
    }

    @Test
    void each_line_is_replayed_on_an_empty_snapshot() {
        String[] lines = run("""
                [{"t":"entity.create","id":"page","display":"page","p":{"title":"A"}}]
                [{"t":"entity.update","ref":"page","p":{}}]
                """, 0);

        assertThat(lines).hasSize(2);
        JsonNode first = Fixtures.parse(lines[0]);
        assertThat(first.get("results").toString()).isEqualTo("[{\"accepted\":true}]");
        assertThat(first.get("snapshot").get("meta").get("title").asString()).isEqualTo("A");
        JsonNode second = Fixtures.parse(lines[1]);
        assertThat(second.get("results").get(0).get("code").asString()).isEqualTo("ENTITY_NOT_FOUND");
        assertThat(second.get("results").get(0).get("reason").asString()).startsWith("ENTITY_NOT_FOUND: ");
        assertThat(second.get("snapshot").get("_sequence").asInt()).isZero();
    }

    @Test
    void a_malformed_line_gets_an_error_line_and_the_rest_still_runs() {
        String[] lines = run("""
                [{"t":"voice","text":"hi"}
                {"t":"voice"}
                [5, {"t":"voice","text":"hi"}]
                """, 1);

        assertThat(lines).hasSize(3);
        assertThat(Fixtures.parse(lines[0]).has("error")).isTrue();
        assertThat(Fixtures.parse(lines[1]).has("error")).isTrue();
        JsonNode third = Fixtures.parse(lines[2]);
        assertThat(third.get("results").get(0).get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(third.get("results").get(1).get("accepted").booleanValue()).isTrue();
    }

    @Test
    void blank_lines_are_skipped() {
        assertThat(run("\n[]\n\n", 0)).containsExactly(
                "{\"results\":[],\"snapshot\":" + Snapshot.empty().toJson() + "}");
    }

    /** The command writes straight through a generator; the text must be the tree form's, byte for byte. */
    @Test
    void every_fixture_line_is_written_exactly_as_its_tree_would_be() {
        StringBuilder input = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (Fixtures.Case c : Fixtures.all()) {
            input.append(c.events()).append('\n');
            Snapshot snapshot = Snapshot.empty();
            ObjectNode line = SnapshotJson.NODES.objectNode();
            var results = line.putArray("results");
            for (JsonNode event : c.events()) {
                results.add(Kernel.apply(snapshot, event).toJson());
            }
            line.set("snapshot", snapshot.toJson());
            expected.append(Fixtures.JSON.writeValueAsString(line)).append('\n');
        }

        StringWriter out = new StringWriter();
        ReplayCommand.run(new StringReader(input.toString()), out);

        assertThat(out.toString()).isEqualTo(expected.toString());
    }
}
