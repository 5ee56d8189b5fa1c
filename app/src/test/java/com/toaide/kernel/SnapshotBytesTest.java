package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The byte reader gives what the tree reader gives for a line of the replay command's output,
 * every value of the same node type, or leaves the line to Jackson; it never reads a line Jackson
 * would refuse.
 */
class SnapshotBytesTest {

    /** What the byte reader made of {@code line}: null when it left it to Jackson. */
    private static String viaBytes(String line) {
        try {
            Snapshot snapshot = SnapshotBytes.read(line.getBytes(StandardCharsets.ISO_8859_1));
            return snapshot == null ? null : described(snapshot);
        } catch (RuntimeException e) {
            return "threw " + e;
        }
    }

    /** What the tree reader makes of the line's snapshot; null when the line has none to read. */
    private static String viaTree(String line) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            return "not JSON";
        }
        if (tree == null || !tree.isObject() || tree.has("entities") || !tree.path("snapshot").isObject()) {
            return "no snapshot";
        }
        try {
            return described(Snapshot.fromJson(tree.get("snapshot")));
        } catch (RuntimeException e) {
            return "threw " + e;
        }
    }

    /** The snapshot's text and the node type of every prop and style: 1 and 1L write the same. */
    private static String described(Snapshot snapshot) {
        StringBuilder out = new StringBuilder(snapshot.toJsonText());
        for (Entity e : snapshot.entities.values()) {
            out.append('\n').append(e.id()).append(':');
            types(e.props(), out);
            if (e.styles() != null) {
                types(e.styles(), out);
            }
        }
        return out.toString();
    }

    private static void types(Map<String, JsonNode> values, StringBuilder out) {
        values.forEach((key, value) -> out.append(' ').append(key).append('=').append(value.getClass().getSimpleName())
                .append(value.isValueNode() ? "" : value.toString()));
    }

    private static String line(String snapshot) {
        return "{\"results\":[{\"accepted\":true},{\"accepted\":false,\"code\":\"x\",\"reason\":\"a \\\"b\\\"\"}],\"snapshot\":"
                + snapshot + "}";
    }

    @Test
    void every_fixture_line_is_read_as_the_tree_reads_it() {
        for (Fixtures.Case fixture : Fixtures.all()) {
            String line = line(Snapshot.fromJson(fixture.snapshot()).toJsonText());
            if (line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                assertThat(viaBytes(line)).as(fixture.name()).isNotNull().isEqualTo(viaTree(line));
            }
        }
    }

    @Test
    void values_of_every_kind_are_read_as_the_tree_reads_them() {
        String entity = "{\"a\":{\"id\":\"a\",\"parent\":\"root\",\"display\":\"card\",\"props\":{%s},\"_children\":[\"b\",1,[2],\"c\"]}}";
        for (String value : List.of("0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "999999999999999999", "-999999999999999999", "0.5", "-0.0", "1e5", "1E-7", "1.5e+3", "12345.678901234567", "1e400", "-1e-400", "0e0",
                "4.9e-324", "1.7976931348623157e308", "0.1000000000000000055511151231257827",
                "true", "false", "null", "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u20AC\\u0000\"",
                "\"a long string with \\\"quotes\\\" past eight bytes\"", "[]",
                "[1,[2,{\"x\":null}],\"s\"]", "{}", "{\"x\":1,\"y\":{\"z\":[true]},\"x\":2}", " 1 ")) {
            String line = line("{\"entities\":" + entity.formatted("\"k\":" + value + ",\"n\" : " + value) + "}");
            assertThat(viaBytes(line)).as(value).isNotNull().isEqualTo(viaTree(line));
        }
    }

    @Test
    void lines_it_is_not_sure_of_are_left_to_jackson() {
        String good = line("{\"entities\":{\"a\":{\"id\":\"a\",\"props\":{\"k\":%s}}}}");
        for (String value : List.of("01", "1.", ".5", "-", "+1", "1e", "1e+", "1234567890123456789", "0." + "1".repeat(45), "NaN", "tru", "nul",
                "\"\\ud83d\\ude00\"", "\"\\x\"", "\"\\u12g4\"", "\"a\tb\"", "\"\u007f\"", "\"\u00e9\"",
                "\"sixteen bytes ok\tthen a tab\"", "\"sixteen bytes ok\u00e9\"", "[1,]", "{\"x\"}",
                "[".repeat(70) + "]".repeat(70))) {
            assertThat(viaBytes(good.formatted(value))).as(value).isNull();
        }
        for (String line : List.of("", "[]", "{}", "{\"results\":[]}", good.formatted("1") + " x", good.formatted("1") + "}",
                "{\"entities\":{},\"snapshot\":{}}", "{\"snapshot\":{},\"snapshot\":{}}", "{\"snapshot\":[]}",
                "{\"snapshot\":{\"entities\":{\"a\":{\"id\":\"b\"}}}}", "{\"snapshot\":{\"other\":1}}",
                "{\"snapshot\":{\"entities\":{\"a\":{\"props\":{},\"props\":{}}}}}", good.formatted("1").substring(0, 40))) {
            assertThat(viaBytes(line)).as(line).isNull();
        }
        // What is read past is held to the same rules as what is read.
        for (String results : List.of("[\"a\tb\"]", "[\"\\q\"]", "[01]", "[tru]", "[1,]", "{\"a\"}", "[[[[" + "[".repeat(70) + "]".repeat(74))) {
            String line = "{\"results\":" + results + ",\"snapshot\":{\"entities\":{}}}";
            assertThat(viaBytes(line)).as(line).isNull();
        }
    }

    @Test
    void odd_small_parts_are_judged_as_the_tree_judges_them() {
        for (String parts : List.of(
                "\"meta\":{\"title\":\"T\",\"annotations\":[\"a\",{\"b\":1}],\"constraints\":{\"c\":{\"parent\":\"p\",\"max_children\":\"many\"},\"d\":3},\"x\":[1.5]}",
                "\"relationships\":[{\"from\":\"a\",\"to\":\"b\",\"type\":\"t\"},5,{\"from\":1}],\"rel_cardinalities\":{\"t\":\"one_to_one\",\"u\":2}",
                "\"rel_constraints\":{\"r\":{\"type\":\"t\"},\"s\":[]},\"styles\":{\"global\":{\"accent\":\"#123\"},\"entities\":{\"a\":{\"bg\":1},\"b\":2}}",
                "\"_sequence\":12.5", "\"_sequence\":\"7\"", "\"meta\":null,\"styles\":[]")) {
            String line = line("{" + parts + ",\"entities\":{\"a\":{\"id\":\"a\",\"_styles\":{\"color\":\"red\"}}}}");
            assertThat(viaBytes(line)).as(parts).isNotNull().isEqualTo(viaTree(line));
        }
    }

    @Test
    void mutated_lines_are_read_as_the_tree_reads_them_or_left_to_jackson() {
        Random random = new Random(15);
        String alphabet = "{}[]\",:0123456789-+.eE \\/ntrufalsbu\u0000\t";
        int read = 0;
        int left = 0;
        for (Fixtures.Case fixture : Fixtures.all()) {
            String line = line(Snapshot.fromJson(fixture.snapshot()).toJsonText());
            for (int n = 0; n < 40; n++) {
                StringBuilder mutated = new StringBuilder(line);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(mutated.length());
                    char c = alphabet.charAt(random.nextInt(alphabet.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.insert(at, c);
                        case 1 -> mutated.deleteCharAt(at);
                        default -> mutated.setCharAt(at, c);
                    }
                }
                String text = mutated.toString();
                String viaBytes = viaBytes(text);
                if (viaBytes == null) {
                    left++;
                } else {
                    read++;
                    assertThat(viaBytes).as(text).isEqualTo(viaTree(text));
                }
            }
        }
        assertThat(read).isGreaterThan(200);
        assertThat(left).isGreaterThan(200);
    }
}
