package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SnapshotJsonTest {

    static List<Fixtures.Case> cases() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_fixture_snapshot_survives_a_round_trip(Fixtures.Case fixture) {
        Snapshot snapshot = Snapshot.fromJson(fixture.snapshot());

        SameJson.assertSameJson(snapshot.toJson(), fixture.snapshot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_text_written_straight_is_the_text_of_the_tree(Fixtures.Case fixture) {
        Snapshot snapshot = Snapshot.fromJson(fixture.snapshot());

        assertThat(snapshot.toJsonText()).isEqualTo(snapshot.toJson().toString());
    }

    @Test
    void the_text_written_straight_escapes_and_orders_like_the_tree() {
        Snapshot snapshot = Snapshot.fromJson(Fixtures.parse("""
                {"meta": {"title": "Quote \\" and \\\\ and \\u2028 and \\u0001", "identity": null, "annotations": ["a"],
                          "constraints": {}, "theme": {"x": [1, 2.5, -3e21, true, null]}},
                 "entities": {"a": {"id": "a", "parent": "root", "display": "table", "props": {"</script>": "ünï ✓", "n": 12345678901},
                                    "_removed": false, "_children": ["b"], "_created_seq": 1, "_updated_seq": 3,
                                    "_styles": {"color": "red"}},
                              "b": {"id": "b", "parent": "a", "display": null, "props": {}, "_removed": true, "_children": [],
                                    "_created_seq": 2, "_updated_seq": 4, "_removed_seq": 4}},
                 "relationships": [{"from": "a", "to": "b", "type": "t", "cardinality": "many_to_one"}],
                 "rel_cardinalities": {"t": "many_to_one"}, "rel_constraints": {},
                 "styles": {"global": {"font": "serif"}, "entities": {"a": {"bold": true}}}, "_sequence": 4}
                """));

        assertThat(snapshot.toJsonText()).isEqualTo(snapshot.toJson().toString()).contains("\\u0001", "_removed_seq");
        assertThat(Snapshot.empty().toJsonText()).isEqualTo(Snapshot.empty().toJson().toString());
    }

    /**
     * Entities unchanged since the last write are written from their kept text: after any mix of
     * events, undos and redos the text must still be the tree's, and equal to a fresh copy's.
     */
    @Test
    void the_text_stays_the_trees_through_any_mix_of_changes() {
        for (long seed = 0; seed < 120; seed++) {
            java.util.Random random = new java.util.Random(seed);
            RandomEvents generator = new RandomEvents(seed + 11);
            History history = History.empty();
            int batches = 0;
            for (int action = 0; action < 40; action++) {
                int roll = random.nextInt(10);
                if (roll < 2) {
                    history.undo("u", "2026-01-01T00:00:00Z", "b" + batches++);
                } else if (roll < 3) {
                    history.redo("u", "2026-01-01T00:00:00Z", "b" + batches++);
                } else {
                    var events = new java.util.ArrayList<JsonNode>();
                    for (int i = 1 + random.nextInt(6); i > 0; i--) {
                        events.add(generator.next());
                    }
                    history.applyBatch(events, "u", Source.EDIT, "2026-01-01T00:00:00Z", "b" + batches++);
                }
                Snapshot snapshot = history.snapshot();
                String text = snapshot.toJsonText();
                assertThat(text).as("seed %d, action %d", seed, action).isEqualTo(snapshot.toJson().toString());
                assertThat(text).isEqualTo(snapshot.copy().toJsonText());
            }
        }
    }

    @Test
    void an_empty_aide_has_the_exact_shape_of_the_spec() {
        JsonNode expected = Fixtures.parse("""
                {"meta": {"title": null, "identity": null, "annotations": [], "constraints": {}},
                 "entities": {}, "relationships": [], "rel_cardinalities": {}, "rel_constraints": {},
                 "styles": {"global": {}, "entities": {}}, "_sequence": 0}
                """);

        SameJson.assertSameJson(Snapshot.empty().toJson(), expected);
    }

    @Test
    void missing_parts_of_a_stored_snapshot_get_their_defaults() {
        Snapshot snapshot = Snapshot.fromJson(Fixtures.parse("""
                {"entities": {"page": {"display": "page", "props": {"title": "Hi"}}, "odd": 5},
                 "relationships": [{"from": "page", "to": "page"}, 7, {"from": "page", "to": "page", "type": "self"}],
                 "meta": "not an object", "styles": [], "_sequence": "x"}
                """));

        SameJson.assertSameJson(snapshot.toJson(), Fixtures.parse("""
                {"meta": {"title": null, "identity": null, "annotations": [], "constraints": {}},
                 "entities": {"page": {"id": "page", "parent": "root", "display": "page",
                   "props": {"title": "Hi"}, "_removed": false, "_children": [],
                   "_created_seq": 0, "_updated_seq": 0}},
                 "relationships": [{"from": "page", "to": "page", "type": "self", "cardinality": "many_to_many"}],
                 "rel_cardinalities": {}, "rel_constraints": {},
                 "styles": {"global": {}, "entities": {}}, "_sequence": 0}
                """));
        assertThat(snapshot.roots()).extracting(Entity::id).containsExactly("page");
    }

    @Test
    void a_snapshot_that_is_not_an_object_is_refused() {
        assertThatThrownBy(() -> Snapshot.fromJson(Fixtures.parse("[1, 2]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_read_api_sees_what_the_json_says() {
        Fixtures.Case fixture = Fixtures.all().stream()
                .filter(c -> c.name().equals("cascade_remove")).findFirst().orElseThrow();

        Snapshot snapshot = Snapshot.fromJson(fixture.snapshot());

        assertThat(snapshot.sequence()).isEqualTo(5);
        assertThat(snapshot.title()).isEqualTo("Poker Night");
        assertThat(snapshot.entityCount()).isEqualTo(4);
        assertThat(snapshot.entity("players").removed()).isTrue();
        assertThat(snapshot.entity("players").children()).containsExactly("mike", "dave");
        assertThat(snapshot.entity("mike").prop("name").asString()).isEqualTo("Mike");
        assertThat(snapshot.meta().get("title").asString()).isEqualTo("Poker Night");
        assertThat(snapshot.entity("nobody")).isNull();
    }
}
