package com.toaide.ai;

/**
 * What a model call reports, in order, from one thread. A tool call arrives the moment its
 * block is complete, so the orchestrator can apply it while the model is still writing the
 * next one. Exactly one of {@link #onDone} and {@link #onError} comes last.
 *
 * <p>A callback that throws ends the call: the listener then gets {@code onError} with
 * {@link ProviderError.Kind#INTERRUPTED}.
 */
public interface TurnListener {

    /** A complete tool call; {@link ToolCall#malformed()} when its input was not a JSON object. */
    void onToolCall(ToolCall call);

    /** Text the model wrote outside tools: log it, never show it. */
    default void onText(String text) {}

    /**
     * Token counts of the call, once, right before {@code onDone} or {@code onError}
     * (not at all when the call failed before the model started answering).
     */
    default void onUsage(Usage usage) {}

    void onDone(StopReason stopReason);

    void onError(ProviderError error);
}
