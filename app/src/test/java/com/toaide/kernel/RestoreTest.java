package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RestoreTest {
    /** What the page shows of a snapshot: live entities with their parent, kind, non-null props and live children; links; meta. */
    static Map<String, Object> visible(Snapshot snapshot) {
        Map<String, Object> seen = new TreeMap<>();
        for (var entry : snapshot.entities.entrySet()) {
            Entity entity = entry.getValue();
            if (!entity.removed()) {
                Map<String, JsonNode> props = new TreeMap<>(entity.props());
                props.values().removeIf(JsonNode::isNull);
                List<String> children = entity.children().stream()
                        .filter(id -> !snapshot.entity(id).removed()).toList();
                seen.put(entity.id(), List.of(entity.parent(), String.valueOf(entity.display()), props, children));
            }
        }
        seen.put("~links", new ArrayList<>(snapshot.relationships()).stream().map(Object::toString).sorted().toList());
        Map<String, JsonNode> meta = new TreeMap<>(snapshot.metaFields);
        meta.values().removeIf(JsonNode::isNull);
        seen.put("~meta", meta);
        return seen;
    }

    @Test
    void restoring_any_earlier_point_brings_back_what_the_page_showed_then_as_one_batch() {
        int restored = 0;
        for (long seed = 0; seed < 80; seed++) {
            Random random = new Random(seed);
            RandomEvents generator = new RandomEvents(seed + 41);
            History history = History.empty();
            for (int batch = 0; batch < 15; batch++) {
                List<JsonNode> events = new ArrayList<>();
                for (int i = 1 + random.nextInt(6); i > 0; i--) {
                    events.add(generator.next());
                }
                history.applyBatch(events, "ai", Source.AI, "t", "b" + batch);
            }
            long point = random.nextLong(history.version() + 1);
            Snapshot target = History.replay(history.entries(), point).snapshot();
            Map<String, Object> before = visible(history.snapshot());

            var result = history.applyBatch(Restore.events(history.snapshot(), target), "u", Source.EDIT, "t", "restore");

            assertThat(result.results()).allMatch(Result::accepted);
            assertThat(visible(history.snapshot())).isEqualTo(visible(target));
            if (!result.entries().isEmpty()) {
                restored++;
                history.undo("u", "t", "undo");
                assertThat(visible(history.snapshot())).isEqualTo(before);
            }
        }
        assertThat(restored).isGreaterThan(40);
    }

    @Test
    void restoring_the_current_state_changes_nothing() {
        History history = History.empty();
        RandomEvents generator = new RandomEvents(5);
        for (int i = 0; i < 40; i++) {
            history.applyBatch(List.of(generator.next()), "ai", Source.AI, "t", "b" + i);
        }

        assertThat(Restore.events(history.snapshot(), history.snapshot().copy())).isEmpty();
    }
}
