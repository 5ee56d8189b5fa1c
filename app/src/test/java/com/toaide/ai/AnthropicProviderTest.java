package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Anthropic client against a local server replaying recorded streams: the port's
 * contract, then what only the Messages API has (its headers, cache marks, error events, 529).
 */
class AnthropicProviderTest extends AiProviderContractTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected AiProvider provider(URI baseUrl, StreamPolicy policy) {
        return new AnthropicProvider(baseUrl, "test-key", policy);
    }

    @Override
    protected TurnRequest request() {
        return turn("claude-sonnet-4-5", List.of(), "Thursday poker league, 10 players, buy-in $20");
    }

    @Override
    protected Recorded updateTurn() {
        return new Recorded("update_turn.sse", List.of("mutate_entity", "mutate_entity", "set_relationship", "voice"),
                new Usage(412, 187, 0, 3214));
    }

    @Override
    protected Recorded cutMidToolCall() {
        return new Recorded("cut_mid_tool_call.sse", List.of("mutate_entity", "mutate_entity"), new Usage(1862, 3, 0, 3214));
    }

    @Override
    protected String malformedToolInput() {
        return "malformed_tool_input.sse";
    }

    @Override
    protected String stallsAfterFirstToolCall() {
        return "stalls_after_first_tool_call.sse";
    }

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static TurnRequest turn(String model, List<Message> stored, String message) {
        return Prompts.load().request(model, Tier.DEEP, Snapshot.empty(), ConversationWindow.pick(stored, message), TODAY);
    }

    RecordingListener run(TurnRequest request) throws InterruptedException {
        RecordingListener listener = new RecordingListener();
        TurnStream stream = provider.stream(request, listener);
        listener.awaitEnd();
        assertThat(stream.await(Duration.ofSeconds(5))).isTrue();
        assertThat(stream.isFinished()).isTrue();
        return listener;
    }

    @Test
    void a_request_past_the_byte_cap_is_never_sent_nor_retried() throws Exception {
        server.stream("first_turn.sse");
        var base = turn("claude-sonnet-4-5", List.of(), "hello");
        var system = new java.util.ArrayList<>(base.system());
        // Whatever the budgets let through (meta, a long history), the request has a ceiling.
        system.add(new SystemBlock("x".repeat(WireFormat.MAX_REQUEST_BYTES), false));
        var huge = new TurnRequest(base.model(), system, base.tools(), base.messages(), base.maxTokens(), base.temperature());

        RecordingListener listener = run(huge);

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.CLIENT);
        assertThat(listener.error.attempts()).isEqualTo(1);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_first_turn_delivers_all_thirty_tool_calls_in_order_then_usage_then_done() throws Exception {
        server.stream("first_turn.sse");

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(30).noneMatch(ToolCall::malformed);
        assertThat(listener.toolCalls.get(0).input().toString())
                .isEqualTo("{\"action\":\"create\",\"id\":\"poker_league\",\"parent\":\"root\",\"display\":\"page\","
                        + "\"props\":{\"title\":\"Thursday Poker League\"}}");
        assertThat(listener.toolCalls.get(0).id()).startsWith("toolu_01");
        assertThat(listener.toolCalls.get(29).name()).isEqualTo("voice");
        assertThat(listener.toolCalls.get(29).input().path("text").stringValue()).startsWith("Thursday Poker League: 10 players");
        assertThat(listener.toolNames().subList(26, 29)).containsOnly("set_relationship");
        assertThat(listener.texts).containsExactly("Setting up the league page with players, schedule and snacks.");
        assertThat(listener.usages).containsExactly(new Usage(1862, 2484, 3214, 0));
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
        assertThat(listener.error).isNull();
        assertThat(listener.callbacks.get(0)).isEqualTo("text");
        assertThat(listener.callbacks.subList(listener.callbacks.size() - 2, listener.callbacks.size()))
                .containsExactly("usage", "done");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void the_request_has_the_headers_model_settings_cache_marks_and_message_window() throws Exception {
        server.stream("update_turn.sse");
        List<Message> stored = List.of(
                Message.assistant("Poker night: 6 players."), Message.user("u1"), Message.assistant("a1"),
                Message.user("u2"), Message.assistant("a2"), Message.user("u3"), Message.assistant("a3"),
                Message.user("u4"), Message.assistant("a4"), Message.user("u5"), Message.assistant("a5"));

        run(turn("claude-haiku-4-5", stored, "  Mike's out this week, Dave's subbing\n"));

        FakeModelServer.Received request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("test-key");
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").stringValue()).isEqualTo("claude-haiku-4-5");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(TurnRequest.DEFAULT_MAX_TOKENS);

        JsonNode system = body.path("system");
        assertThat(system.size()).isEqualTo(2);
        assertThat(system.get(0).path("text").stringValue()).contains("Every answer is tool calls and nothing else");
        assertThat(system.get(0).path("cache_control").path("type").stringValue()).isEqualTo("ephemeral");
        assertThat(system.get(1).path("text").stringValue()).startsWith("Today is Saturday 2025-03-01.\n");
        assertThat(system.get(1).has("cache_control")).isFalse();

        JsonNode tools = body.path("tools");
        assertThat(tools.size()).isEqualTo(3);
        assertThat(tools.get(0).path("name").stringValue()).isEqualTo("mutate_entity");
        assertThat(tools.get(0).path("input_schema").path("required").get(0).stringValue()).isEqualTo("action");
        assertThat(tools.get(2).path("name").stringValue()).isEqualTo("voice");
        // one cache mark, on the instructions: the prefix is tools, then system, so it covers both
        assertThat(body.findValues("cache_control")).hasSize(1);
        // every answer is tool calls: a text-only answer cannot happen
        assertThat(body.path("tool_choice").toString()).isEqualTo("{\"type\":\"any\"}");

        JsonNode messages = body.path("messages");
        // The last 9 stored start on an assistant line, so the window starts at the next user line.
        assertThat(messages.size()).isEqualTo(9);
        assertThat(messages.get(0).toString()).isEqualTo("{\"role\":\"user\",\"content\":\"u2\"}");
        assertThat(messages.get(7).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"a5\"}");
        assertThat(messages.get(8).path("role").stringValue()).isEqualTo("user");
        assertThat(messages.get(8).path("content").stringValue()).isEqualTo("  Mike's out this week, Dave's subbing\n");
    }

    @Test
    void a_question_is_answered_by_a_voice_line_only() throws Exception {
        server.stream("question_turn.sse");

        RecordingListener listener = run();

        assertThat(listener.toolNames()).containsExactly("voice");
        assertThat(ToolMapping.map(listener.toolCalls.get(0)).event().toString())
                .isEqualTo("{\"t\":\"voice\",\"text\":\"Unpaid: Linda, Steve.\"}");
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void an_escalation_arrives_as_a_voice_that_maps_to_the_escalate_signal() throws Exception {
        server.stream("escalation.sse");

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(1);
        JsonNode event = ToolMapping.map(listener.toolCalls.get(0)).event();
        assertThat(event.path("t").stringValue()).isEqualTo("escalate");
        assertThat(event.path("reason").stringValue()).isEqualTo("needs a new section for the season budget");
        assertThat(Escalation.rerunOnDeep(Tier.FAST, true, 0)).isTrue();
    }

    @Test
    void an_overloaded_error_before_the_first_token_is_retried_and_the_retry_succeeds() throws Exception {
        server.stream("overloaded_before_content.sse").stream("update_turn.sse");

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
        assertThat(listener.error).isNull();
        assertThat(listener.toolCalls).hasSize(4);
        assertThat(listener.usages).containsExactly(new Usage(412, 187, 0, 3214));
    }

    @Test
    void an_overloaded_error_after_content_is_not_retried() throws Exception {
        server.stream("overloaded_after_content.sse").stream("update_turn.sse");

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(1);
        assertThat(listener.toolCalls).hasSize(1);
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.OVERLOADED);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(listener.error.plainWords()).contains("Changes so far are kept.");
    }

    @ParameterizedTest
    @CsvSource({
        "529, overloaded_error, OVERLOADED",
        "503, api_error, SERVER",
    })
    void a_refusal_is_reported_with_the_status_and_the_error_type(int status, String type, ProviderError.Kind kind)
            throws Exception {
        server.refuse(status, type).refuse(status, type).refuse(status, type).stream("update_turn.sse");

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(3);
        assertThat(listener.error.kind()).isEqualTo(kind);
        assertThat(listener.error.httpStatus()).isEqualTo(status);
        assertThat(listener.error.attempts()).isEqualTo(3);
        assertThat(listener.error.contentArrived()).isFalse();
        assertThat(listener.error.detail()).isEqualTo("HTTP " + status + " " + type);
        assertThat(listener.usages).isEmpty();
        assertThat(listener.error.plainWords()).isEqualTo("The model is unavailable right now. Try again in a minute.");
    }
}
