package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Anthropic client against a local server replaying recorded streams. */
class AnthropicProviderTest {
    /** Retries without waiting; generous limits so a cold JVM never trips them (the limit tests set their own). */
    static final StreamPolicy FAST_LIMITS = new StreamPolicy(
            Duration.ofSeconds(10), Duration.ofSeconds(30), List.of(Duration.ofMillis(1), Duration.ofMillis(1)));
    static final JsonMapper JSON = JsonMapper.builder().build();

    FakeModelServer server;
    AnthropicProvider provider;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        provider = new AnthropicProvider(server.baseUrl(), "test-key", FAST_LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
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

    RecordingListener run() throws InterruptedException {
        return run(turn("claude-sonnet-4-5", List.of(), "Thursday poker league, 10 players, buy-in $20"));
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
    void a_stream_arriving_in_seven_byte_pieces_gives_the_same_calls_as_in_one_piece() throws Exception {
        server.stream("first_turn.sse").streamInPieces("first_turn.sse", 7);

        RecordingListener first = run();
        List<ToolCall> whole = first.toolCalls;
        List<ToolCall> pieces = run().toolCalls;

        assertThat(first.error).isNull();
        assertThat(whole).hasSize(30);

        assertThat(pieces).hasSize(30);
        assertThat(pieces.stream().map(ToolCall::input).toList()).isEqualTo(whole.stream().map(ToolCall::input).toList());
        assertThat(pieces.get(8).input().path("props").path("name").stringValue()).isEqualTo("José");
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
    void an_update_turn_delivers_its_changes_and_voice() throws Exception {
        server.stream("update_turn.sse");

        RecordingListener listener = run();

        assertThat(listener.toolNames()).containsExactly("mutate_entity", "mutate_entity", "set_relationship", "voice");
        assertThat(listener.toolCalls.get(0).input().path("props").path("status").stringValue()).isEqualTo("out this week");
        assertThat(listener.usages).containsExactly(new Usage(412, 187, 0, 3214));
        assertThat(listener.texts).isEmpty();
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
    void a_stream_cut_in_the_middle_of_a_tool_call_keeps_the_complete_calls_and_reports_cut() throws Exception {
        server.stream("cut_mid_tool_call.sse");

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(2);
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.CUT);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(listener.usages).containsExactly(new Usage(1862, 3, 0, 3214));
        assertThat(listener.callbacks).containsExactly("toolCall", "toolCall", "usage", "error");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void malformed_json_in_one_tool_input_is_reported_as_malformed_and_the_others_still_arrive() throws Exception {
        server.stream("malformed_tool_input.sse");

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(3);
        assertThat(listener.toolCalls.get(0).malformed()).isFalse();
        ToolCall broken = listener.toolCalls.get(1);
        assertThat(broken.malformed()).isTrue();
        assertThat(broken.name()).isEqualTo("mutate_entity");
        assertThat(broken.rawInput()).contains("\"paid\": tru,");
        assertThat(ToolMapping.map(broken).rejection()).startsWith("MALFORMED_INPUT:");
        assertThat(listener.toolCalls.get(2).input().path("text").stringValue()).isEqualTo("Paid: 9 of 10.");
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
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
        "500, api_error, SERVER",
        "503, api_error, SERVER",
        "429, rate_limit_error, RATE_LIMITED",
    })
    void a_refusal_before_the_stream_is_retried_twice_then_reported(int status, String type, ProviderError.Kind kind)
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

    @Test
    void a_refusal_followed_by_a_good_answer_succeeds_on_the_retry() throws Exception {
        server.refuse(529, "overloaded_error").stream("update_turn.sse");

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(2);
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
        assertThat(listener.toolCalls).hasSize(4);
    }

    @Test
    void a_bad_request_is_not_retried() throws Exception {
        server.refuse(400, "invalid_request_error").stream("update_turn.sse");

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(1);
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.CLIENT);
        assertThat(listener.error.attempts()).isEqualTo(1);
        assertThat(listener.toolCalls).isEmpty();
    }

    @Test
    void a_stream_that_goes_quiet_is_reported_stalled_after_the_no_progress_limit() throws Exception {
        // The limit also runs before the first bytes, which must arrive within it even on a busy machine.
        provider = new AnthropicProvider(server.baseUrl(), "test-key",
                new StreamPolicy(Duration.ofSeconds(3), Duration.ofSeconds(30), List.of()));
        server.streamThenHold("stalls_after_first_tool_call.sse");

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(1);
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.STALLED);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(listener.usages).containsExactly(new Usage(412, 1, 0, 3214));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_call_longer_than_the_hard_limit_ends_as_a_timeout() throws Exception {
        // The first tool call must arrive within the limit even on a busy machine (the fake holds 10 s).
        provider = new AnthropicProvider(server.baseUrl(), "test-key",
                new StreamPolicy(Duration.ofSeconds(20), Duration.ofSeconds(3), List.of()));
        server.streamThenHold("stalls_after_first_tool_call.sse");

        RecordingListener listener = run();

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.TIMEOUT);
        assertThat(listener.toolCalls).hasSize(1);
    }

    @Test
    void cancelling_mid_stream_tells_the_listener_and_closes_the_connection() throws Exception {
        server.streamThenHold("stalls_after_first_tool_call.sse");
        provider = new AnthropicProvider(server.baseUrl(), "test-key",
                new StreamPolicy(Duration.ofSeconds(20), Duration.ofSeconds(20), List.of()));
        RecordingListener listener = new RecordingListener();

        TurnStream stream = provider.stream(turn("claude-haiku-4-5", List.of(), "Mike's out"), listener);
        listener.awaitFirstToolCall();
        stream.cancel();
        listener.awaitEnd();
        server.release();

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.INTERRUPTED);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(listener.error.plainWords()).isEqualTo("Stopped. Changes so far are kept.");
        assertThat(server.clientHungUp.await(10, TimeUnit.SECONDS)).as("the fake saw the connection closed").isTrue();
        stream.cancel();
        assertThat(listener.callbacks).containsExactly("toolCall", "usage", "error");
    }

    @Test
    void cancelling_after_the_end_changes_nothing() throws Exception {
        server.stream("question_turn.sse");
        RecordingListener listener = new RecordingListener();

        TurnStream stream = provider.stream(turn("claude-sonnet-4-5", List.of(), "Who hasn't paid?"), listener);
        listener.awaitEnd();
        assertThat(stream.await(Duration.ofSeconds(5))).isTrue();
        stream.cancel();

        assertThat(listener.callbacks).containsExactly("toolCall", "usage", "done");
    }

    @Test
    void a_listener_that_throws_ends_the_call_as_interrupted() throws Exception {
        server.stream("update_turn.sse");
        RecordingListener recorder = new RecordingListener();
        TurnListener failing = new TurnListener() {
            @Override
            public void onToolCall(ToolCall call) {
                recorder.onToolCall(call);
                throw new IllegalStateException("database gone");
            }

            @Override
            public void onDone(StopReason stopReason) {
                recorder.onDone(stopReason);
            }

            @Override
            public void onError(ProviderError error) {
                recorder.onError(error);
            }
        };

        provider.stream(turn("claude-haiku-4-5", List.of(), "Mike's out"), failing);
        recorder.awaitEnd();

        assertThat(recorder.toolCalls).hasSize(1);
        assertThat(recorder.error.kind()).isEqualTo(ProviderError.Kind.INTERRUPTED);
        assertThat(recorder.error.detail()).contains("listener failed");
    }

    @Test
    void a_server_that_cannot_be_reached_is_retried_then_reported_unreachable() throws Exception {
        java.net.URI closed = server.baseUrl();
        server.close();
        provider = new AnthropicProvider(closed, "test-key", FAST_LIMITS);

        RecordingListener listener = run();

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.UNREACHABLE);
        assertThat(listener.error.attempts()).isEqualTo(3);
    }
}
