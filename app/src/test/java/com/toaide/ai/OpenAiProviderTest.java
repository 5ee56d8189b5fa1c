package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Snapshot;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAI-compatible client (a local model server) against the fake server. */
class OpenAiProviderTest {
    FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RecordingListener run(String apiKey) throws InterruptedException {
        OpenAiProvider provider = new OpenAiProvider(URI.create(server.baseUrl() + "/v1"), apiKey, AnthropicProviderTest.FAST_LIMITS);
        TurnRequest request = Prompts.load().request("qwen2.5-7b-instruct", Tier.FAST, Snapshot.empty(),
                List.of(Message.user("Mike's out this week, Dave's subbing")), AnthropicProviderTest.TODAY);
        RecordingListener listener = new RecordingListener();
        TurnStream stream = provider.stream(request, listener);
        listener.awaitEnd();
        assertThat(stream.await(Duration.ofSeconds(5))).isTrue();
        return listener;
    }

    @Test
    void tool_calls_streamed_by_index_arrive_whole_with_usage_and_the_stop_reason() throws Exception {
        server.streamInPieces("openai_update_turn.sse", 11);

        RecordingListener listener = run("");

        assertThat(listener.toolNames()).containsExactly("mutate_entity", "mutate_entity", "voice");
        assertThat(listener.toolCalls.get(0).id()).startsWith("call_");
        assertThat(listener.toolCalls.get(0).input().toString())
                .isEqualTo("{\"action\":\"update\",\"ref\":\"player_mike\",\"props\":{\"status\":\"out this week\"}}");
        assertThat(listener.toolCalls.get(2).input().path("text").stringValue()).isEqualTo("This week: Dave hosts, Mike out.");
        assertThat(listener.usages).containsExactly(new Usage(426, 121, 0, 3200));
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
        assertThat(listener.callbacks.subList(3, 5)).containsExactly("usage", "done");
    }

    @Test
    void the_request_is_a_streamed_chat_completion_with_one_system_message_and_function_tools() throws Exception {
        server.stream("openai_update_turn.sse");

        run("local-key");

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

        run("");

        assertThat(server.requests().get(0).header("authorization")).isNull();
    }

    @Test
    void a_stream_ending_without_a_finish_keeps_the_complete_calls_and_reports_cut() throws Exception {
        server.stream("openai_cut.sse");

        RecordingListener listener = run("");

        assertThat(listener.toolNames()).containsExactly("mutate_entity");
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.CUT);
        assertThat(listener.error.contentArrived()).isTrue();
    }

    @Test
    void a_server_error_before_the_stream_is_retried() throws Exception {
        server.refuse(503, "server_error").stream("openai_update_turn.sse");

        RecordingListener listener = run("");

        assertThat(server.requests()).hasSize(2);
        assertThat(listener.toolCalls).hasSize(3);
    }
}
