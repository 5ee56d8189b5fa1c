package com.toaide.ai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses the streamed input of a tool call, and logs (without its text) an input that is not a JSON object. */
final class ToolInputParser {
    private static final Logger LOG = LoggerFactory.getLogger(ToolInputParser.class);
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ToolInputParser() {}

    /** The complete call; its input is null when {@code raw} is not a JSON object (an empty input is {@code {}}). */
    static ToolCall toolCall(String id, String name, String raw) {
        if (raw.isBlank()) {
            return new ToolCall(id, name, JSON.createObjectNode(), raw);
        }
        try {
            JsonNode input = JSON.readTree(raw);
            if (input != null && input.isObject()) {
                return new ToolCall(id, name, input, raw);
            }
            LOG.warn("tool call input is not an object: tool={} id={} length={}", name, id, raw.length());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            // The message of a Jackson error quotes the input, which holds user text: log only where it broke.
            LOG.warn("malformed tool call input: tool={} id={} length={} offset={} error={}", name, id, raw.length(),
                    at == null ? -1 : at.getCharOffset(), e.getClass().getSimpleName());
        }
        return new ToolCall(id, name, null, raw);
    }
}
