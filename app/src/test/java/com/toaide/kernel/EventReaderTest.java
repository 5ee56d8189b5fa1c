package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The replay command reads events from tokens, the server from trees; a tree keeps a repeated
 * key's last value in its first place, so the token reader must judge the same text the same way.
 */
class EventReaderTest {

    /** The line replayed from its text, and the same line read into a tree first. */
    private static JsonNode[] replayedBothWays(String line) {
        StringWriter out = new StringWriter();
        ReplayCommand.run(new StringReader(line), out);
        JsonNode fromText = Json.MAPPER.readTree(out.toString());

        Snapshot snapshot = Snapshot.empty();
        var results = SnapshotJson.NODES.arrayNode();
        for (JsonNode event : Json.MAPPER.readTree(line)) {
            results.add(Kernel.apply(snapshot, event).toJson());
        }
        var fromTree = SnapshotJson.NODES.objectNode();
        fromTree.set("results", results);
        fromTree.set("snapshot", snapshot.toJson());
        return new JsonNode[] {fromText, fromTree};
    }

    @Test
    void a_repeated_key_counts_with_its_last_value_in_its_first_place() {
        JsonNode[] both = replayedBothWays("""
                [{"t":"entity.create","id":"x","id":"page","p":{"a":{"no":1},"b":2,"a":"kept"},"p":{"b":1,"a":2,"b":[3]}}]
                """);

        assertThat(both[0].toString()).isEqualTo(both[1].toString());
        assertThat(both[0].get("results").get(0).get("accepted").booleanValue()).isTrue();
        assertThat(both[0].at("/snapshot/entities/page/props").toString()).isEqualTo("{\"b\":[3],\"a\":2}");
    }

    @Test
    void a_nul_character_refuses_the_event_only_where_it_is_left_after_repeats() {
        JsonNode[] both = replayedBothWays("""
                [{"t":"voice","text":"a\\u0000","text":"b"},{"t":"voice","x":{"k":"\\u0000","k":1}},\
                {"t":"voice","x":{"k":"\\u0000","j":1}},{"t":"voice","\\u0000":1}]
                """);

        assertThat(both[0].toString()).isEqualTo(both[1].toString());
        assertThat(both[0].get("results").findValuesAsString("code"))
                .containsExactly("INVALID_FIELD", "INVALID_FIELD");
        assertThat(both[0].get("results").get(0).has("code")).isFalse();
        assertThat(both[0].get("results").get(1).has("code")).isFalse();
    }

    @Test
    void numbers_keep_the_type_a_tree_gives_them() {
        JsonNode[] both = replayedBothWays("""
                [{"t":"entity.create","id":"page","p":{"i":1,"l":12345678901,"b":123456789012345678901234,\
                "d":1.50,"z":-0.0,"e":1E+2,"big":1e999}}]
                """);

        assertThat(both[0].toString()).isEqualTo(both[1].toString());
        assertThat(both[0].at("/snapshot/entities/page/props").toString())
                .isEqualTo("{\"i\":1,\"l\":12345678901,\"b\":123456789012345678901234,\"d\":1.5,\"z\":-0.0,\"e\":100.0,"
                        + "\"big\":\"Infinity\"}");
    }
}
