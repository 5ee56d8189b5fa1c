package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Kernel;
import com.toaide.kernel.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierClassifierTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        true  | Mike's out this week, Dave's subbing   | DEEP
        true  | Who's coming to the party?              | DEEP
        true  | Kitchen renovation, budget $20k         | DEEP
        false | Mike's out this week, Dave's subbing    | FAST
        false | Who hasn't paid?                        | DEEP
        false | who is bringing chips                   | FAST
        false | Who's on snacks this week?              | DEEP
        false | What's the total?                       | DEEP
        false | When is the next game                   | DEEP
        false | Is Linda paid                           | DEEP
        false | How many RSVPs so far?                  | DEEP
        false | List the pending RSVPs                  | DEEP
        false | Any tasks left?                         | DEEP
        false | Add Dave to the roster                  | FAST
        false | Can you add Dave?                       | FAST
        false | Mark the venue booked                   | FAST
        false | Remove the dessert row?                 | FAST
        false | Linda paid                              | FAST
        false | The whole team paid                     | FAST
        false | Whoever brings chips gets a point       | FAST
        false | However, snacks moved to Jen            | FAST
        false | Is the address right?                   | DEEP
        false | What's the settlement amount?           | DEEP
        false | Where's the update on tiles?            | FAST
        false | Showcase night is Friday                | FAST
        false | Budget is now $1,350                    | FAST
        false | Swap Mike and Dave for next week        | FAST
        false | ?                                       | DEEP
        false | ''                                      | FAST
        """)
    void picks_the_tier_by_whole_words(boolean aideIsEmpty, String message, Tier expected) {
        assertThat(TierClassifier.classify(aideIsEmpty, message)).isEqualTo(expected);
    }

    @Test
    void an_aide_whose_page_was_removed_counts_as_empty() {
        Snapshot snapshot = Snapshot.empty();
        Kernel.apply(snapshot, ToolMappingTest.RELAXED.readTree("{t:'entity.create', id:'page', display:'page'}"));
        assertThat(TierClassifier.classify(snapshot, "Add Dave")).isEqualTo(Tier.FAST);

        Kernel.apply(snapshot, ToolMappingTest.RELAXED.readTree("{t:'entity.remove', ref:'page'}"));
        assertThat(TierClassifier.classify(snapshot, "Add Dave")).isEqualTo(Tier.DEEP);
    }

    @Test
    void a_fresh_aide_is_empty() {
        assertThat(TierClassifier.classify(Snapshot.empty(), "Add Dave")).isEqualTo(Tier.DEEP);
    }
}
