package com.toaide.ai;

/** Why the model stopped, in the words of both wire formats. */
public enum StopReason {
    /** It finished its answer ({@code end_turn}, {@code stop}). */
    END_TURN,
    /** It stopped to wait for tool results ({@code tool_use}, {@code tool_calls}); normal for AIde. */
    TOOL_USE,
    /** It ran out of output tokens: the answer may be incomplete. */
    MAX_TOKENS,
    OTHER;

    static StopReason fromWire(String reason) {
        if (reason == null) {
            return OTHER;
        }
        switch (reason) {
            case "end_turn":
            case "stop":
            case "stop_sequence":
                return END_TURN;
            case "tool_use":
            case "tool_calls":
            case "function_call":
                return TOOL_USE;
            case "max_tokens":
            case "length":
                return MAX_TOKENS;
            default:
                return OTHER;
        }
    }
}
