package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void it_answers_as_a_hash_set_does_while_it_grows_past_what_was_expected() {
        Random random = new Random(15);
        for (int round = 0; round < 200; round++) {
            IdSet ids = new IdSet(random.nextInt(20));
            Set<String> reference = new HashSet<>();
            int adds = random.nextInt(2_000);
            for (int i = 0; i < adds; i++) {
                String id = random.nextBoolean() ? "row_" + random.nextInt(600) : Integer.toString(random.nextInt(600), 36);
                assertThat(ids.add(id)).as("add %s", id).isEqualTo(reference.add(id));
            }
        }
    }

    @Test
    void ids_made_to_share_one_hash_code_are_still_told_apart() {
        // "Aa" and "BB" have one hash code, so every string of twelve such pairs has the same one.
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 1 << 12; bits++) {
            StringBuilder id = new StringBuilder();
            for (int pair = 0; pair < 12; pair++) {
                id.append((bits >> pair & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(id.toString());
        }
        assertThat(colliding.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);

        IdSet ids = new IdSet(colliding.size());
        for (String id : colliding) {
            assertThat(ids.add(id)).as("first add of %s", id).isTrue();
        }
        for (String id : colliding) {
            assertThat(ids.add(id)).as("second add of %s", id).isFalse();
        }
        assertThat(ids.add("AaAa")).isTrue();
    }
}
