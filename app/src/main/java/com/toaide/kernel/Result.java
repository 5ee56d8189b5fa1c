package com.toaide.kernel;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link Kernel#apply} did with one event.
 *
 * @param accepted whether the event was applied (signals are accepted and change nothing)
 * @param code the rejection code, null when accepted
 * @param reason {@code "CODE: human detail"}, null when accepted
 * @param signal the payload of a signal event ({@code voice}, {@code clarify}...), else null
 * @param warnings messages of non-strict constraints the event left broken
 */
public record Result(boolean accepted, Code code, String reason, JsonNode signal, List<String> warnings) {
    private static final Result ACCEPTED = new Result(true, null, null, null, List.of());

    public Result {
        warnings = List.copyOf(warnings);
    }

    static Result accepted(List<String> warnings) {
        return warnings.isEmpty() ? ACCEPTED : new Result(true, null, null, null, warnings);
    }

    static Result signal(JsonNode payload) {
        return new Result(true, null, null, payload, List.of());
    }

    static Result rejected(Code code, String detail) {
        return new Result(false, code, code.name() + ": " + detail, null, List.of());
    }

    public boolean isSignal() {
        return signal != null;
    }

    /** {@code {"accepted":true}} or {@code {"accepted":false,"code":...,"reason":...}}, the replay command's shape. */
    public ObjectNode toJson() {
        ObjectNode json = SnapshotJson.NODES.objectNode();
        json.put("accepted", accepted);
        if (!accepted) {
            json.put("code", code.name());
            json.put("reason", reason);
        }
        return json;
    }
}
