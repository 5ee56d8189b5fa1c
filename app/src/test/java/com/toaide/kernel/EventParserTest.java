package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventParserTest {

    @Test
    void ids_are_judged_as_the_pattern_says() {
        var pattern = Pattern.compile("[a-z][a-z0-9_]{0,63}");
        Random random = new Random(16);
        String alphabet = "az09_Aé-";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(70);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(EventParser.isId(id.toString())).as(id.toString()).isEqualTo(pattern.matcher(id).matches());
        }
        assertThat(EventParser.isId("a" + "b".repeat(63))).isTrue();
        assertThat(EventParser.isId("a" + "b".repeat(64))).isFalse();
    }
}
