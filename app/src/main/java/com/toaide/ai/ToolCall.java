package com.toaide.ai;

import tools.jackson.databind.JsonNode;

/**
 * One complete tool call of the model.
 *
 * @param id the provider's id of the call ({@code toolu_...}, {@code call_...})
 * @param name the tool's name, e.g. {@code mutate_entity}
 * @param input the parsed input object; null when the model sent input that is not a JSON object
 * @param rawInput the input exactly as it was streamed (may hold user text: do not log it)
 */
public record ToolCall(String id, String name, JsonNode input, String rawInput) {

    public boolean malformed() {
        return input == null;
    }
}
