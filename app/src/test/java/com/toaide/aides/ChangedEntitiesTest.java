package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Kernel;
import com.toaide.kernel.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChangedEntitiesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A page with a table of players and a table of games; the first game is hosted by Dave. */
    private static Snapshot league() {
        Snapshot s = Snapshot.empty();
        for (String e : List.of(
                "{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"League\"}}",
                "{\"t\":\"entity.create\",\"id\":\"players\",\"parent\":\"page\",\"display\":\"table\",\"p\":{}}",
                "{\"t\":\"entity.create\",\"id\":\"dave\",\"parent\":\"players\",\"p\":{\"player\":\"Dave\"}}",
                "{\"t\":\"entity.create\",\"id\":\"games\",\"parent\":\"page\",\"display\":\"table\",\"p\":{}}",
                "{\"t\":\"entity.create\",\"id\":\"g1\",\"parent\":\"games\",\"p\":{\"place\":\"Garage\"}}",
                "{\"t\":\"rel.set\",\"from\":\"g1\",\"to\":\"dave\",\"type\":\"hosted_by\",\"cardinality\":\"many_to_one\"}")) {
            assertThat(Kernel.apply(s, JSON.readTree(e)).accepted()).isTrue();
        }
        return s;
    }

    private static Optional<Set<String>> after(Snapshot s, String event) {
        JsonNode e = JSON.readTree(event);
        assertThat(Kernel.apply(s, e).accepted()).isTrue();
        return ChangedEntities.of(s, List.of(e));
    }

    @Test
    void renaming_a_linked_item_also_redraws_the_item_whose_link_line_shows_its_name() {
        assertThat(after(league(), "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"player\":\"David\"}}"))
                .contains(Set.of("dave", "g1"));
    }

    @Test
    void removing_a_linked_item_redraws_the_item_that_linked_to_it() {
        assertThat(after(league(), "{\"t\":\"entity.remove\",\"ref\":\"dave\"}")).contains(Set.of("players", "g1"));
    }

    @Test
    void a_link_changes_its_source_and_a_link_removed_without_a_source_redraws_the_page() {
        assertThat(after(league(), "{\"t\":\"rel.remove\",\"from\":\"g1\",\"type\":\"hosted_by\"}")).contains(Set.of("g1"));
        assertThat(after(league(), "{\"t\":\"rel.remove\",\"to\":\"dave\"}")).isEmpty();
    }

    @Test
    void a_one_to_one_link_redraws_the_page_because_it_may_drop_another_items_link() {
        assertThat(after(league(), "{\"t\":\"rel.set\",\"from\":\"g1\",\"to\":\"dave\",\"type\":\"paired\",\"cardinality\":\"one_to_one\"}"))
                .isEmpty();
    }
}
