package com.toaide.ai;

/**
 * A language model that answers a turn with tool calls, streamed.
 *
 * <p>{@link #stream} returns at once; the call runs on a thread of its own and reports to the
 * listener from that one thread, in order, ending with exactly one of
 * {@link TurnListener#onDone} or {@link TurnListener#onError}. The returned handle cancels
 * the call (the interrupt button) and waits for its end.
 *
 * <p>Two adapters: {@link AnthropicProvider} (Messages API) and {@link OpenAiProvider}
 * (any OpenAI-compatible chat completions server, local ones included).
 */
public interface AiProvider {

    TurnStream stream(TurnRequest request, TurnListener listener);
}
