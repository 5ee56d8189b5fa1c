package com.toaide.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.failure.Failure;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void random_slugs_are_two_words_and_four_digits_and_always_valid() {
        var random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String slug = Slugs.random(random);
            assertThat(slug).matches("[a-z]+-[a-z]+-[1-9][0-9]{3}");
            assertThat(Slugs.valid(slug)).isTrue();
            assertThat(Slugs.RESERVED).doesNotContain(slug);
        }
    }

    @Test
    void a_chosen_slug_is_trimmed_and_lower_cased() {
        assertThat(Slugs.chosen("  Poker-League ")).isEqualTo("poker-league");
    }

    @Test
    void reserved_words_are_refused_whatever_their_case() {
        assertThatThrownBy(() -> Slugs.chosen("Admin")).isInstanceOf(Failure.Invalid.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Slugs.chosen("static")).isInstanceOf(Failure.Invalid.class);
    }

    @Test
    void slugs_of_the_wrong_shape_are_refused() {
        for (String slug : new String[] {"ab", "-abc", "abc-", "a_b_c", "ab/cd", "a".repeat(65), "dé-jà"}) {
            assertThatThrownBy(() -> Slugs.chosen(slug)).as(slug).isInstanceOf(Failure.Invalid.class);
        }
        assertThat(Slugs.chosen("a".repeat(64))).hasSize(64);
    }

    @Test
    void the_versions_page_asks_the_browser_for_the_same_shape_the_server_checks() throws Exception {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("templates", "publish", "versions.jte"));
        var attribute = java.util.regex.Pattern.compile("id=\"slug\"[^>]*pattern=\"([^\"]+)\"").matcher(page);
        assertThat(attribute.find()).as("the slug field has a pattern").isTrue();
        // The browser anchors a pattern attribute and wants the dash escaped inside a class (the v flag).
        assertThat("^" + attribute.group(1).replace("\\-", "-") + "$").isEqualTo(Slugs.SHAPE.pattern());
    }
}
