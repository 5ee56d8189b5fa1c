package com.toaide.ai;

import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model's answer written as Anthropic's event stream, from a list of
 * {@code ["tool", {input}]} pairs: what the fake model server replays in the eval tests.
 * Each input arrives in two {@code input_json_delta} pieces, as real streams split them.
 */
final class ScriptedAnswer {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger IDS = new AtomicInteger();

    private ScriptedAnswer() {}

    static String sse(JsonNode calls) {
        StringBuilder out = new StringBuilder();
        event(out, "message_start", JSON.createObjectNode().put("type", "message_start").set("message",
                JSON.createObjectNode().put("id", "msg_scripted").put("type", "message").put("role", "assistant")
                        .put("model", "scripted").set("usage", JSON.createObjectNode().put("input_tokens", 1000)
                                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 4200).put("output_tokens", 1))));
        int index = 0;
        for (JsonNode call : calls) {
            ObjectNode block = JSON.createObjectNode().put("type", "tool_use").put("id", "toolu_" + IDS.incrementAndGet())
                    .put("name", call.get(0).asString());
            block.putObject("input");
            event(out, "content_block_start", JSON.createObjectNode().put("type", "content_block_start").put("index", index)
                    .set("content_block", block));
            String input = call.get(1).toString();
            int half = input.length() / 2;
            for (String piece : new String[] {input.substring(0, half), input.substring(half)}) {
                ObjectNode delta = JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", piece);
                event(out, "content_block_delta", JSON.createObjectNode().put("type", "content_block_delta").put("index", index)
                        .set("delta", delta));
            }
            event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
            index++;
        }
        ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", "tool_use");
        end.putObject("usage").put("output_tokens", 50 * Math.max(1, index));
        event(out, "message_delta", end);
        event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
        return out.toString();
    }

    private static void event(StringBuilder out, String name, JsonNode data) {
        out.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
    }
}
