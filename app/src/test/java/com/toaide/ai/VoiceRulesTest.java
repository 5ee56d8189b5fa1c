package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.ai.VoiceRules.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoiceRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Budget: $1,350.                          |
        Next game: Mike's on snacks.             |
        Pending: Linda, Steve.                   |
        Paid in US dollars: 6 of 8.              |
        I updated the budget.                    | FIRST_PERSON
        I've added Dave.                         | FIRST_PERSON
        We're set for Friday.                    | FIRST_PERSON
        Let us know.                             | FIRST_PERSON
        My list is ready.                        | FIRST_PERSON
        Budget updated!                          | EXCLAMATION
        Great, Dave is in.                       | ENCOURAGEMENT
        All set 🎉                                | EMOJI
        Snacks: ☕ and cake.                      | EMOJI
        Awesome! I added it 🎉                    | FIRST_PERSON, EXCLAMATION, EMOJI, ENCOURAGEMENT
        """)
    void checks_a_voice_line_against_the_rules(String line, String expected) {
        List<Violation> violations = VoiceRules.check(line);

        assertThat(violations.stream().map(Enum::name).toList())
                .isEqualTo(expected == null ? List.of() : List.of(expected.split(",\\s*")));
    }

    @Test
    void a_line_over_one_hundred_characters_is_too_long() {
        assertThat(VoiceRules.check("x".repeat(100))).isEmpty();
        assertThat(VoiceRules.check("x".repeat(101))).containsExactly(Violation.TOO_LONG);
    }

    @Test
    void an_empty_line_is_reported_as_empty() {
        assertThat(VoiceRules.check("  ")).containsExactly(Violation.EMPTY);
        assertThat(VoiceRules.check(null)).containsExactly(Violation.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Budget: $1,350.                               | Budget: $1,350.
        Budget updated!                               | Budget updated.
        All set 🎉                                     | All set
        Snacks: ☕ and cake.                           | Snacks: and cake.
        Great, Dave is in.                            | Dave is in.
        Perfect! Thursday: Mike out, Dave subbing.    | Thursday: Mike out, Dave subbing.
        Done. I added Dave to the roster.             | Done.
        Paid in US dollars: 6 of 8!!                  | Paid in US dollars: 6 of 8.
        Which Friday: 2026-12-04 or 2026-12-11?       | Which Friday: 2026-12-04 or 2026-12-11?
        """)
    void a_line_breaking_the_rules_is_rewritten_to_follow_them(String line, String shown) {
        assertThat(VoiceRules.enforce(line)).contains(shown);
        assertThat(VoiceRules.check(shown)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        I updated the budget.
        We're all set for Friday!
        Awesome! I added it 🎉
        🎉🎉
        Enjoy the party.
        """)
    void a_line_with_nothing_that_follows_the_rules_is_dropped(String line) {
        assertThat(VoiceRules.enforce(line)).isEmpty();
    }

    @Test
    void a_long_line_keeps_its_whole_sentences_or_its_words_and_an_ellipsis() {
        String sentences = "Players: Mike, Dave, Linda, Steve, José, Raj, Tom, Jen, Ana and Kim. Next game: 2026-03-12 at Dave's.";
        String words = "Players " + "Mike Dave Linda Steve ".repeat(8);

        assertThat(VoiceRules.enforce(sentences)).contains("Players: Mike, Dave, Linda, Steve, José, Raj, Tom, Jen, Ana and Kim.");
        assertThat(VoiceRules.enforce(words).orElseThrow()).endsWith("…").hasSizeLessThanOrEqualTo(VoiceRules.MAX_LENGTH);
        assertThat(VoiceRules.check(VoiceRules.enforce(words).orElseThrow())).isEmpty();
    }

    @Test
    void the_fallback_line_counts_the_changes() {
        assertThat(VoiceRules.fallback(3)).isEqualTo("3 changes.");
        assertThat(VoiceRules.fallback(1)).isEqualTo("1 change.");
        assertThat(VoiceRules.check(VoiceRules.fallback(3))).isEmpty();
    }
}
