package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/** The token reader gives the snapshot the tree reader gives, or leaves the text to it. */
class SnapshotReaderTest {

    /** What the reader made of {@code text}, or null when it left it to the tree. */
    private static String viaTokens(String text) {
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            parser.nextToken();
            SnapshotReader reader = SnapshotReader.read(parser);
            if (reader == null || parser.nextToken() != null) {
                return null;
            }
            try {
                return reader.snapshot().toJsonText();
            } catch (RuntimeException e) {
                return "threw " + e;
            }
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String viaTree(String text) {
        try {
            return Snapshot.fromJson(Json.MAPPER.readTree(text)).toJsonText();
        } catch (RuntimeException e) {
            return "threw " + e;
        }
    }

    @Test
    void every_fixture_snapshot_is_read_from_its_tokens_as_from_its_tree() {
        for (Fixtures.Case fixture : Fixtures.all()) {
            String text = Snapshot.fromJson(fixture.snapshot()).toJsonText();

            assertThat(viaTokens(text)).as(fixture.name()).isNotNull().isEqualTo(viaTree(text));
        }
    }

    @Test
    void a_text_not_in_the_kernels_shape_is_left_to_the_tree() {
        assertThat(viaTokens("{\"_sequence\":1,\"_sequence\":2}")).isNull();
        assertThat(viaTokens("{\"entities\":{\"a\":{\"id\":\"b\"}}}")).isNull();
        assertThat(viaTokens("{\"entities\":{\"a\":{\"id\":\"a\"},\"a\":{\"id\":\"a\",\"display\":\"x\"}}}")).isNull();
        assertThat(viaTokens("{\"entities\":{\"a\":{\"props\":{},\"props\":{\"x\":1}}}}")).isNull();
        assertThat(viaTokens("{\"entities\":{\"a\":5}}")).isNull();
        assertThat(viaTokens("{\"other\":1}")).isNull();
        // Read from tokens: a repeated prop keeps its first place and last value, as in a tree.
        String repeatedProp = "{\"entities\":{\"a\":{\"props\":{\"x\":1,\"y\":2,\"x\":[3]}}}}";
        assertThat(viaTokens(repeatedProp)).isNotNull().isEqualTo(viaTree(repeatedProp));
    }

    private static final List<String> NAMES = List.of("id", "parent", "display", "props", "_removed", "_children",
            "_created_seq", "_updated_seq", "_removed_seq", "_styles", "meta", "entities", "relationships",
            "rel_cardinalities", "rel_constraints", "styles", "_sequence", "title", "constraints", "zz");
    private static final List<String> ODD = List.of("null", "true", "0", "-1", "1.5", "1e999", "123456789012345678901234",
            "\"\"", "\"root\"", "[]", "[\"a\",1,null,[\"b\"]]", "{}", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"");

    @Test
    void mutated_snapshots_read_from_tokens_as_from_the_tree_or_are_left_to_it() {
        Random random = new Random(15);
        int read = 0;
        int left = 0;
        for (Fixtures.Case fixture : Fixtures.all()) {
            JsonNode snapshot = Json.MAPPER.readTree(Snapshot.fromJson(fixture.snapshot()).toJsonText());
            for (int i = 0; i < 25; i++) {
                StringBuilder text = new StringBuilder();
                mutate(snapshot, random, text);
                String viaTokens = viaTokens(text.toString());
                if (viaTokens == null) {
                    left++;
                } else {
                    read++;
                    assertThat(viaTokens).as(text.toString()).isEqualTo(viaTree(text.toString()));
                }
            }
        }
        assertThat(read).isGreaterThan(100);
        assertThat(left).isGreaterThan(100);
    }

    /** Writes {@code node}, now and then repeating, changing, dropping or renaming an object's field. */
    private static void mutate(JsonNode node, Random random, StringBuilder out) {
        if (!node.isObject()) {
            out.append(node.isArray() && random.nextInt(50) == 0 ? ODD.get(random.nextInt(ODD.size())) : node.toString());
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            int dice = random.nextInt(60);
            String name = dice == 0 ? NAMES.get(random.nextInt(NAMES.size())) : field.getKey();
            if (dice == 1) {
                continue;
            }
            first = comma(first, out);
            out.append(Json.MAPPER.writeValueAsString(name)).append(':');
            if (dice == 2) {
                out.append(ODD.get(random.nextInt(ODD.size())));
            } else {
                mutate(field.getValue(), random, out);
            }
            if (dice == 3) {
                comma(false, out);
                out.append(Json.MAPPER.writeValueAsString(name)).append(':').append(ODD.get(random.nextInt(ODD.size())));
            }
        }
        out.append('}');
    }

    private static boolean comma(boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        return false;
    }
}
