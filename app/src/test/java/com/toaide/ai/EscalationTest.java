package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationTest {

    @ParameterizedTest(name = "{0}, escalated={1}, changes={2} -> {3}")
    @CsvSource({
        "FAST, true, 0, true",
        "FAST, true, 1, false",
        "FAST, true, 5, false",
        "FAST, false, 0, false",
        "FAST, false, 3, false",
        "DEEP, true, 0, false",
        "DEEP, true, 2, false",
        "DEEP, false, 0, false",
    })
    void a_fast_turn_that_escalated_without_changes_runs_again_on_deep(Tier tier, boolean escalated, int changes,
            boolean rerun) {
        assertThat(Escalation.rerunOnDeep(tier, escalated, changes)).isEqualTo(rerun);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        escalate: needs a budget section   | true
        Escalate: new table                | true
        ESCALATE:                          | true
        '   escalate: leading spaces'      | true
        escalate needs a section           | false
        Budget: $1,350.                    | false
        Not escalated: all set.            | false
        de-escalate: no                    | false
        ''                                 | false
        """)
    void an_escalation_is_a_voice_starting_with_escalate_and_a_colon(String text, boolean escalation) {
        assertThat(Escalation.isEscalation(text)).isEqualTo(escalation);
    }
}
