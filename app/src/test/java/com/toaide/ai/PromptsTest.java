package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.kernel.Kernel;
import com.toaide.kernel.Snapshot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptsTest {
    final Prompts prompts = Prompts.load();

    static Snapshot pokerPage() {
        Snapshot snapshot = Snapshot.empty();
        Kernel.apply(snapshot, ToolMappingTest.RELAXED.readTree("{t:'entity.create', id:'page', parent:'root', display:'page', p:{title:'Poker'}}"));
        return snapshot;
    }

    @Test
    void the_current_version_is_v2() {
        assertThat(prompts.version()).isEqualTo("v2");
    }

    @Test
    void both_tiers_share_the_rules_and_add_their_own() {
        for (Tier tier : Tier.values()) {
            assertThat(prompts.instructions(tier))
                    .contains("Every answer is tool calls")
                    .contains("The page itself has the id `page`")
                    .contains("^[a-z][a-z0-9_]{0,63}$")
                    .contains("YYYY-MM-DD").contains("without a year")
                    .contains("`_sort_by`").contains("`_group_by`").contains("`_show_fields`").contains("`_hide_fields`")
                    .contains("`<grid id>_cell_<row>_<col>`").contains("details card").contains("cannot be changed later")
                    .contains("stays on the roster")
                    .contains("Make the change first, then")
                    .contains("Always give the cardinality")
                    .contains("ask one short question")
                    .contains("No first person").contains("Under 100 characters");
        }
        assertThat(prompts.instructions(Tier.DEEP)).contains("1 to 4 sections");
        assertThat(prompts.instructions(Tier.FAST)).contains(Escalation.PREFIX).contains("may not create");
    }

    @Test
    void the_deep_tier_never_sees_the_escalation_wording_in_its_prompt_or_its_tools() {
        assertThat(prompts.instructions(Tier.DEEP)).doesNotContainIgnoringCase("escalat");
        assertThat(Tools.forTier(Tier.DEEP).toString()).doesNotContainIgnoringCase("escalat");
        assertThat(Tools.forTier(Tier.FAST).get(2).description()).contains(Escalation.PREFIX);
    }

    @Test
    void the_system_prompt_is_cached_instructions_then_the_date_and_the_page_view() {
        List<SystemBlock> blocks = prompts.system(Tier.FAST, pokerPage(), LocalDate.of(2026, 12, 2));

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0)).isEqualTo(new SystemBlock(prompts.instructions(Tier.FAST), true));
        assertThat(blocks.get(1).cached()).isFalse();
        assertThat(blocks.get(1).text()).isEqualTo("Today is Wednesday 2026-12-02.\n\nThe page now:\npage (page) {\"title\":\"Poker\"}\n");
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({"2026-12-02, Wednesday", "2027-01-01, Friday", "2028-02-29, Tuesday"})
    void the_date_line_names_the_weekday_and_the_iso_date(LocalDate day, String weekday) {
        assertThat(Prompts.dateLine(day)).isEqualTo("Today is " + weekday + " " + day + ".\n");
    }

    @Test
    void the_cached_instructions_are_byte_identical_from_day_to_day_and_the_date_is_only_in_the_uncached_block() {
        var monday = prompts.system(Tier.FAST, pokerPage(), LocalDate.of(2026, 11, 30));
        var tuesday = prompts.system(Tier.FAST, pokerPage(), LocalDate.of(2026, 12, 1));

        assertThat(monday.get(0).text()).isEqualTo(tuesday.get(0).text()).doesNotContain("Today is");
        assertThat(monday.get(1).text()).contains("Monday 2026-11-30").isNotEqualTo(tuesday.get(1).text());
    }

    @Test
    void a_request_offers_the_tiers_tools() {
        var request = prompts.request("claude-haiku-4-5", Tier.FAST, pokerPage(), List.of(Message.user("hi")), LocalDate.of(2026, 12, 2));

        assertThat(request.tools()).isEqualTo(Tools.forTier(Tier.FAST));
        assertThat(request.system()).isEqualTo(prompts.system(Tier.FAST, pokerPage(), LocalDate.of(2026, 12, 2)));
    }

    @Test
    void each_default_models_cached_prefix_clears_its_caching_minimum() {
        int fast = PromptCache.prefixTokens(prompts, Tier.FAST);
        int deep = PromptCache.prefixTokens(prompts, Tier.DEEP);

        assertThat(PromptCache.minimumTokens("claude-haiku-4-5")).isEqualTo(4096);
        assertThat(PromptCache.minimumTokens("claude-sonnet-4-5-20250929")).isEqualTo(1024);
        assertThat(PromptCache.minimumTokens("qwen2.5:7b-instruct")).isZero();
        // a low estimate (4 characters a token) still clears the minimum
        assertThat(fast).isGreaterThan(PromptCache.minimumTokens("claude-haiku-4-5"));
        assertThat(deep).isGreaterThan(PromptCache.minimumTokens("claude-sonnet-4-5"));
    }

    @Test
    void a_missing_version_fails_loudly() {
        assertThatThrownBy(() -> Prompts.load("v0")).isInstanceOf(IllegalStateException.class).hasMessageContaining("prompts/v0/");
    }
}
