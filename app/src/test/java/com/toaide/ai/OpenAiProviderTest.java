package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI-compatible client (a local model server) against the fake server: the port's
 * contract, then what only chat completions have (the request shape, the optional key).
 */
class OpenAiProviderTest extends AiProviderContractTest {

    @Override
    protected AiProvider provider(URI baseUrl, StreamPolicy policy) {
        return provider(baseUrl, "", policy);
    }

    static OpenAiProvider provider(URI baseUrl, String apiKey, StreamPolicy policy) {
        return new OpenAiProvider(URI.create(baseUrl + "/v1"), apiKey, policy);
    }

    @Override
    protected TurnRequest request() {
        return Prompts.load().request("qwen2.5-7b-instruct", Tier.FAST, Snapshot.empty(),
                List.of(Message.user("Mike's out this week, Dave's subbing")), AnthropicProviderTest.TODAY);
    }

    /** Cached prompt tokens (3200 of 3626) move from input to cache reads, as Anthropic counts them. */
    @Override
    protected Recorded updateTurn() {
        return new Recorded("openai_update_turn.sse", List.of("mutate_entity", "mutate_entity", "voice"), new Usage(426, 121, 0, 3200));
    }

    @Override
    protected Recorded cutMidToolCall() {
        return new Recorded("openai_cut.sse", List.of("mutate_entity"), null);
    }

    @Override
    protected String malformedToolInput() {
        return "openai_malformed_tool_input.sse";
    }

    @Override
    protected String stallsAfterFirstToolCall() {
        return "openai_stalls_after_first_tool_call.sse";
    }

    @Test
    void tool_calls_streamed_by_index_arrive_whole_with_their_ids_and_arguments() throws Exception {
        server.streamInPieces("openai_update_turn.sse", 11);

        RecordingListener listener = run();

        assertThat(listener.toolCalls.get(0).id()).startsWith("call_");
        assertThat(listener.toolCalls.get(0).input().toString())
                .isEqualTo("{\"action\":\"update\",\"ref\":\"player_mike\",\"props\":{\"status\":\"out this week\"}}");
        assertThat(listener.toolCalls.get(2).input().path("text").stringValue()).isEqualTo("This week: Dave hosts, Mike out.");
    }

    @Test
    void the_request_is_a_streamed_chat_completion_with_one_system_message_and_function_tools() throws Exception {
        provider = provider(server.baseUrl(), "local-key", FAST_LIMITS);
        server.stream("openai_update_turn.sse");

        run();

        FakeModelServer.Received request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer local-key");
        JsonNode body = AnthropicProviderTest.JSON.readTree(request.body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("messages").get(0).path("role").stringValue()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").stringValue()).contains("Today is Saturday 2025-03-01.");
        assertThat(body.path("messages").get(1).path("content").stringValue()).isEqualTo("Mike's out this week, Dave's subbing");
        assertThat(body.path("tools").get(0).path("type").stringValue()).isEqualTo("function");
        assertThat(body.path("tools").get(2).path("function").path("name").stringValue()).isEqualTo("voice");
        assertThat(body.path("tools").get(0).path("function").path("parameters").path("type").stringValue()).isEqualTo("object");
        assertThat(body.path("tool_choice").stringValue()).isEqualTo("required");
    }

    @Test
    void without_a_key_no_authorization_header_is_sent() throws Exception {
        server.stream("openai_update_turn.sse");

        run();

        assertThat(server.requests().get(0).header("authorization")).isNull();
    }
}
