package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link AiProvider} must do, whatever wire it speaks. Each adapter's test extends
 * this and supplies the adapter and recorded streams in its own format; the fake server
 * replays them byte for byte.
 */
abstract class AiProviderContractTest {
    /** Retries without waiting; generous limits so a cold JVM never trips them (the limit tests set their own). */
    static final StreamPolicy FAST_LIMITS = new StreamPolicy(
            Duration.ofSeconds(10), Duration.ofSeconds(30), List.of(Duration.ofMillis(1), Duration.ofMillis(1)));

    /** A recorded answer and what it must come to. */
    record Recorded(String transcript, List<String> toolNames, Usage usage) {}

    FakeModelServer server;
    AiProvider provider;

    protected abstract AiProvider provider(URI baseUrl, StreamPolicy policy);

    protected abstract TurnRequest request();

    /** Whole tool calls ending with a voice line, and usage that counts cached prompt tokens. */
    protected abstract Recorded updateTurn();

    /** Cut in the middle of a tool call; the calls before it are whole. */
    protected abstract Recorded cutMidToolCall();

    /** Three calls; the second's input is not valid JSON and contains {@code "paid": tru}. */
    protected abstract String malformedToolInput();

    /** One whole tool call, then the next begins and the server goes quiet (held open by the fake). */
    protected abstract String stallsAfterFirstToolCall();

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        provider = provider(server.baseUrl(), FAST_LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RecordingListener run() throws InterruptedException {
        RecordingListener listener = new RecordingListener();
        TurnStream stream = provider.stream(request(), listener);
        listener.awaitEnd();
        assertThat(stream.await(Duration.ofSeconds(5))).isTrue();
        assertThat(stream.isFinished()).isTrue();
        return listener;
    }

    /** Exactly one end, and nothing after it. */
    static void endedOnce(RecordingListener listener, String end) {
        assertThat(listener.callbacks.stream().filter(c -> c.equals("done") || c.equals("error"))).containsExactly(end);
        assertThat(listener.callbacks.get(listener.callbacks.size() - 1)).isEqualTo(end);
    }

    @Test
    void a_turn_delivers_whole_tool_calls_then_usage_with_cached_tokens_then_done() throws Exception {
        Recorded turn = updateTurn();
        server.stream(turn.transcript());

        RecordingListener listener = run();

        assertThat(listener.toolNames()).isEqualTo(turn.toolNames());
        assertThat(listener.toolCalls).noneMatch(ToolCall::malformed);
        assertThat(listener.toolCalls.get(listener.toolCalls.size() - 1).input().path("text").stringValue()).isNotBlank();
        assertThat(listener.usages).containsExactly(turn.usage());
        assertThat(turn.usage().cacheReadTokens()).as("the recording has cached tokens").isPositive();
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
        assertThat(listener.error).isNull();
        assertThat(listener.callbacks.subList(listener.callbacks.size() - 2, listener.callbacks.size())).containsExactly("usage", "done");
        endedOnce(listener, "done");
    }

    @Test
    void a_stream_arriving_in_seven_byte_pieces_gives_the_same_calls_as_in_one_piece() throws Exception {
        Recorded turn = updateTurn();
        server.stream(turn.transcript()).streamInPieces(turn.transcript(), 7);

        List<ToolCall> whole = run().toolCalls;
        RecordingListener pieces = run();

        assertThat(pieces.toolCalls).isEqualTo(whole);
        assertThat(pieces.usages).containsExactly(turn.usage());
    }

    @Test
    void a_stream_cut_in_the_middle_of_a_tool_call_keeps_the_complete_calls_and_reports_cut() throws Exception {
        Recorded cut = cutMidToolCall();
        server.stream(cut.transcript());

        RecordingListener listener = run();

        assertThat(listener.toolNames()).isEqualTo(cut.toolNames());
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.CUT);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(server.requests()).as("content arrived, so no retry").hasSize(1);
        endedOnce(listener, "error");
    }

    @Test
    void malformed_json_in_one_tool_input_is_reported_as_malformed_and_the_others_still_arrive() throws Exception {
        server.stream(malformedToolInput());

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(3);
        assertThat(listener.toolCalls.get(0).malformed()).isFalse();
        ToolCall broken = listener.toolCalls.get(1);
        assertThat(broken.malformed()).isTrue();
        assertThat(broken.name()).isEqualTo("mutate_entity");
        assertThat(broken.rawInput()).contains("\"paid\": tru");
        assertThat(ToolMapping.map(broken).rejection()).startsWith("MALFORMED_INPUT:");
        assertThat(listener.toolCalls.get(2).input().path("text").stringValue()).isEqualTo("Paid: 9 of 10.");
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
    }

    @ParameterizedTest
    @CsvSource({
        "500, api_error, SERVER",
        "503, server_error, SERVER",
        "429, rate_limit_error, RATE_LIMITED",
    })
    void a_refusal_before_the_stream_is_retried_twice_then_reported(int status, String type, ProviderError.Kind kind)
            throws Exception {
        server.refuse(status, type).refuse(status, type).refuse(status, type).stream(updateTurn().transcript());

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(2).body()).isEqualTo(server.requests().get(0).body());
        assertThat(listener.error.kind()).isEqualTo(kind);
        assertThat(listener.error.httpStatus()).isEqualTo(status);
        assertThat(listener.error.attempts()).isEqualTo(3);
        assertThat(listener.error.contentArrived()).isFalse();
        assertThat(listener.usages).isEmpty();
        assertThat(listener.error.plainWords()).isEqualTo("The model is unavailable right now. Try again in a minute.");
        endedOnce(listener, "error");
    }

    @Test
    void a_refusal_followed_by_a_good_answer_succeeds_on_the_retry() throws Exception {
        Recorded turn = updateTurn();
        server.refuse(503, "server_error").stream(turn.transcript());

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(2);
        assertThat(listener.stopReason).isEqualTo(StopReason.TOOL_USE);
        assertThat(listener.toolNames()).isEqualTo(turn.toolNames());
    }

    @Test
    void a_bad_request_is_not_retried() throws Exception {
        server.refuse(400, "invalid_request_error").stream(updateTurn().transcript());

        RecordingListener listener = run();

        assertThat(server.requests()).hasSize(1);
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.CLIENT);
        assertThat(listener.error.attempts()).isEqualTo(1);
        assertThat(listener.toolCalls).isEmpty();
    }

    @Test
    void a_stream_that_goes_quiet_is_reported_stalled_after_the_no_progress_limit() throws Exception {
        // The limit also runs before the first bytes, which must arrive within it even on a busy machine.
        provider = provider(server.baseUrl(), new StreamPolicy(Duration.ofSeconds(3), Duration.ofSeconds(30), List.of()));
        server.streamThenHold(stallsAfterFirstToolCall());

        RecordingListener listener = run();

        assertThat(listener.toolCalls).hasSize(1);
        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.STALLED);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(server.requests()).hasSize(1);
        endedOnce(listener, "error");
    }

    @Test
    void a_call_longer_than_the_hard_limit_ends_as_a_timeout() throws Exception {
        // The first tool call must arrive within the limit even on a busy machine (the fake holds 10 s).
        provider = provider(server.baseUrl(), new StreamPolicy(Duration.ofSeconds(20), Duration.ofSeconds(3), List.of()));
        server.streamThenHold(stallsAfterFirstToolCall());

        RecordingListener listener = run();

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.TIMEOUT);
        assertThat(listener.toolCalls).hasSize(1);
    }

    @Test
    void cancelling_mid_stream_tells_the_listener_and_closes_the_connection() throws Exception {
        provider = provider(server.baseUrl(), new StreamPolicy(Duration.ofSeconds(20), Duration.ofSeconds(20), List.of()));
        server.streamThenHold(stallsAfterFirstToolCall());
        RecordingListener listener = new RecordingListener();

        TurnStream stream = provider.stream(request(), listener);
        listener.awaitFirstToolCall();
        stream.cancel();
        listener.awaitEnd();
        server.release();

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.INTERRUPTED);
        assertThat(listener.error.contentArrived()).isTrue();
        assertThat(listener.error.plainWords()).isEqualTo("Stopped. Changes so far are kept.");
        assertThat(server.clientHungUp.await(10, TimeUnit.SECONDS)).as("the fake saw the connection closed").isTrue();
        stream.cancel();
        assertThat(listener.toolCalls).hasSize(1);
        endedOnce(listener, "error");
    }

    @Test
    void cancelling_after_the_end_changes_nothing() throws Exception {
        server.stream(updateTurn().transcript());
        RecordingListener listener = new RecordingListener();

        TurnStream stream = provider.stream(request(), listener);
        listener.awaitEnd();
        assertThat(stream.await(Duration.ofSeconds(5))).isTrue();
        List<String> before = List.copyOf(listener.callbacks);
        stream.cancel();

        assertThat(listener.callbacks).isEqualTo(before);
        endedOnce(listener, "done");
    }

    @Test
    void a_listener_that_throws_ends_the_call_as_interrupted() throws Exception {
        server.stream(updateTurn().transcript());
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

        provider.stream(request(), failing);
        recorder.awaitEnd();

        assertThat(recorder.toolCalls).hasSize(1);
        assertThat(recorder.error.kind()).isEqualTo(ProviderError.Kind.INTERRUPTED);
        assertThat(recorder.error.detail()).contains("listener failed");
    }

    @Test
    void a_server_that_cannot_be_reached_is_retried_then_reported_unreachable() throws Exception {
        URI closed = server.baseUrl();
        server.close();
        provider = provider(closed, FAST_LIMITS);

        RecordingListener listener = run();

        assertThat(listener.error.kind()).isEqualTo(ProviderError.Kind.UNREACHABLE);
        assertThat(listener.error.attempts()).isEqualTo(3);
    }
}
