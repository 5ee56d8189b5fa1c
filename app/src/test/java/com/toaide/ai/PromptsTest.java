package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.kernel.Kernel;
import com.toaide.kernel.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptsTest {
    final Prompts prompts = Prompts.load();

    @Test
    void the_current_version_is_v1() {
        assertThat(prompts.version()).isEqualTo("v1");
    }

    @Test
    void both_tiers_share_the_rules_and_add_their_own() {
        for (Tier tier : Tier.values()) {
            assertThat(prompts.instructions(tier))
                    .contains("Answer only with tool calls")
                    .contains("^[a-z][a-z0-9_]{0,63}$")
                    .contains("YYYY-MM-DD")
                    .contains("No first person")
                    .contains("Under 100 characters");
        }
        assertThat(prompts.instructions(Tier.DEEP)).contains("1 to 4 sections").doesNotContain("escalate:");
        assertThat(prompts.instructions(Tier.FAST)).contains(Escalation.PREFIX).contains("may not create");
    }

    @Test
    void the_system_prompt_is_cached_instructions_then_the_snapshot_as_compact_json() {
        Snapshot snapshot = Snapshot.empty();
        Kernel.apply(snapshot, ToolMappingTest.RELAXED.readTree("{t:'entity.create', id:'page', display:'page', p:{title:'Poker'}}"));

        List<SystemBlock> blocks = prompts.system(Tier.FAST, snapshot);

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0)).isEqualTo(new SystemBlock(prompts.instructions(Tier.FAST), true));
        assertThat(blocks.get(1).cached()).isFalse();
        assertThat(blocks.get(1).text()).startsWith("Current snapshot:\n{\"meta\":{\"title\":\"Poker\"")
                .doesNotContain("\n  ").contains("\"page\":{\"id\":\"page\"");
    }

    @Test
    void a_missing_version_fails_loudly() {
        assertThatThrownBy(() -> Prompts.load("v0")).isInstanceOf(IllegalStateException.class).hasMessageContaining("prompts/v0/");
    }
}
