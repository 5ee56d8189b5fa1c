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

    @Test
    void the_fallback_line_counts_the_changes() {
        assertThat(VoiceRules.fallback(3)).isEqualTo("3 changes.");
        assertThat(VoiceRules.fallback(1)).isEqualTo("1 change.");
        assertThat(VoiceRules.check(VoiceRules.fallback(3))).isEmpty();
    }
}
