package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.BatchResult;
import com.toaide.kernel.Entity;
import com.toaide.kernel.History;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import com.toaide.kernel.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded turns streamed by the real client and applied the way the orchestrator will:
 * each tool call mapped and applied to the aide's history the moment it arrives, one batch
 * per turn.
 */
class TranscriptIntoKernelTest {
    FakeModelServer server;
    AnthropicProvider provider;
    final History history = History.empty();

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        provider = new AnthropicProvider(server.baseUrl(), "test-key", AnthropicProviderTest.FAST_LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What one applied turn did. */
    static final class AppliedTurn {
        final List<String> mappingRejections = new ArrayList<>();
        final List<String> kernelRejections = new ArrayList<>();
        final List<String> voices = new ArrayList<>();
        int changes;
    }

    AppliedTurn applyTurn(String transcript, String batchId) throws InterruptedException {
        server.stream(transcript);
        AppliedTurn turn = new AppliedTurn();
        RecordingListener ended = new RecordingListener();
        TurnListener applying = new TurnListener() {
            @Override
            public void onToolCall(ToolCall call) {
                MappedCall mapped = ToolMapping.map(call);
                if (mapped.rejected()) {
                    turn.mappingRejections.add(mapped.rejection());
                    return;
                }
                BatchResult result = history.applyBatch(List.of(mapped.event()), "ai", Source.AI, "2025-03-01T10:00:00Z", batchId);
                var outcome = result.results().get(0);
                if (!outcome.accepted()) {
                    turn.kernelRejections.add(outcome.reason());
                } else if (outcome.isSignal()) {
                    turn.voices.add(outcome.signal().path("text").asString(""));
                } else {
                    turn.changes++;
                }
            }

            @Override
            public void onDone(StopReason stopReason) {
                ended.onDone(stopReason);
            }

            @Override
            public void onError(ProviderError error) {
                ended.onError(error);
            }
        };
        provider.stream(AnthropicProviderTest.turn("claude-sonnet-4-5", List.of(), "poker"), applying);
        ended.awaitEnd();
        assertThat(ended.error).isNull();
        return turn;
    }

    static List<String> liveChildren(Snapshot snapshot, String id) {
        return snapshot.entity(id).children().stream().filter(child -> !snapshot.entity(child).removed()).toList();
    }

    @Test
    void a_first_turn_builds_the_page_tree_in_the_order_it_was_streamed() throws Exception {
        AppliedTurn turn = applyTurn("first_turn.sse", "turn_1");

        assertThat(turn.mappingRejections).isEmpty();
        assertThat(turn.kernelRejections).isEmpty();
        assertThat(turn.changes).isEqualTo(29);
        assertThat(turn.voices).containsExactly("Thursday Poker League: 10 players, first game 2025-03-06, buy-in $20.");

        Snapshot snapshot = history.snapshot();
        assertThat(snapshot.title()).isEqualTo("Thursday Poker League");
        assertThat(snapshot.roots()).extracting(Entity::id).containsExactly("poker_league");
        assertThat(liveChildren(snapshot, "poker_league")).containsExactly("players_section", "schedule_section", "snacks_section");
        assertThat(liveChildren(snapshot, "players_section")).containsExactly("buy_in", "players");
        assertThat(liveChildren(snapshot, "players")).containsExactly("player_mike", "player_dave", "player_linda",
                "player_steve", "player_jose", "player_raj", "player_tom", "player_jen", "player_ana", "player_kim");
        assertThat(liveChildren(snapshot, "games")).hasSize(4).allMatch(id -> id.startsWith("game_2025_03_"));
        assertThat(liveChildren(snapshot, "snacks")).containsExactly("snack_chips", "snack_drinks", "snack_dessert", "snack_ice");
        assertThat(snapshot.entity("players").display()).isEqualTo("table");
        assertThat(snapshot.entity("player_jose").parent()).isEqualTo("players");
        assertThat(snapshot.entity("player_jose").prop("name").stringValue()).isEqualTo("José");
        // the top-level title and the props given as a JSON string both landed in props
        assertThat(snapshot.entity("snacks").prop("title").stringValue()).isEqualTo("Snacks rotation");
        assertThat(snapshot.entity("snack_drinks").prop("name").stringValue()).isEqualTo("Drinks (€15 budget)");
        assertThat(snapshot.entity("snack_drinks").prop("done").booleanValue()).isFalse();
        assertThat(snapshot.relationships()).containsExactly(
                new Relationship("game_2025_03_06", "player_mike", "hosted_by", "many_to_one"),
                new Relationship("game_2025_03_13", "player_dave", "hosted_by", "many_to_one"),
                new Relationship("snack_chips", "player_linda", "brought_by", "many_to_one"));
        assertThat(history.entries()).hasSize(30).allMatch(entry -> entry.batch().equals("turn_1"));
    }

    @Test
    void an_update_turn_changes_the_built_page_in_one_batch_that_undo_takes_back() throws Exception {
        applyTurn("first_turn.sse", "turn_1");

        AppliedTurn update = applyTurn("update_turn.sse", "turn_2");

        assertThat(update.kernelRejections).isEmpty();
        assertThat(update.changes).isEqualTo(3);
        Snapshot snapshot = history.snapshot();
        assertThat(snapshot.entity("player_mike").prop("status").stringValue()).isEqualTo("out this week");
        assertThat(snapshot.entity("game_2025_03_06").prop("location").stringValue()).isEqualTo("Dave's place");
        // hosted_by is many_to_one: the game's link to Mike was replaced by the link to Dave
        assertThat(snapshot.relationships()).filteredOn(link -> link.from().equals("game_2025_03_06"))
                .containsExactly(new Relationship("game_2025_03_06", "player_dave", "hosted_by", "many_to_one"));

        history.undo("user_1", "2025-03-01T10:05:00Z", "undo_1");

        assertThat(history.snapshot().entity("player_mike").prop("status")).isNull();
    }

    @Test
    void a_malformed_call_is_skipped_and_the_rest_of_the_turn_applies() throws Exception {
        applyTurn("first_turn.sse", "turn_1");

        AppliedTurn turn = applyTurn("malformed_tool_input.sse", "turn_2");

        assertThat(turn.mappingRejections).containsExactly("MALFORMED_INPUT: mutate_entity input is not a JSON object");
        assertThat(turn.changes).isEqualTo(1);
        assertThat(turn.voices).containsExactly("Paid: 9 of 10.");
        assertThat(history.snapshot().entity("player_linda").prop("paid").booleanValue()).isTrue();
        assertThat(history.snapshot().entity("player_steve").prop("paid").booleanValue()).isFalse();
    }

    @Test
    void an_escalation_applies_no_change_and_asks_for_the_deep_tier() throws Exception {
        applyTurn("first_turn.sse", "turn_1");
        long before = history.snapshot().sequence();

        AppliedTurn turn = applyTurn("escalation.sse", "turn_2");

        assertThat(turn.changes).isZero();
        assertThat(history.snapshot().sequence()).isEqualTo(before);
        assertThat(history.entries().get(history.entries().size() - 1).event().path("t").stringValue()).isEqualTo("escalate");
        assertThat(Escalation.rerunOnDeep(Tier.FAST, true, turn.changes)).isTrue();
    }
}
