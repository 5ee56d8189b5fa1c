package com.toaide.ai;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the events of one Messages API stream: {@code message_start} (usage),
 * {@code content_block_start} / {@code _delta} / {@code _stop} per block index (a tool call
 * is complete at its block's stop), {@code message_delta} (stop reason, output tokens),
 * {@code message_stop}, {@code ping}, and {@code error}.
 */
final class AnthropicDecoder implements WireFormat.StreamDecoder {
    private final WireFormat.AnswerSink sink;
    private final Map<Integer, Block> open = new HashMap<>();
    private Usage usage;
    private String stopReason;
    private boolean stopped;

    AnthropicDecoder(WireFormat.AnswerSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(SseEvent event) {
        switch (event.name()) {
            case "message_start":
                usage = usage(json(event).path("message").path("usage"), Usage.NONE);
                break;
            case "content_block_start":
                start(json(event));
                break;
            case "content_block_delta":
                delta(json(event));
                break;
            case "content_block_stop":
                stop(json(event));
                break;
            case "message_delta":
                messageDelta(json(event));
                break;
            case "message_stop":
                stopped = true;
                break;
            case "error":
                String type = ErrorBodies.errorType(event.data());
                throw new WireFormat.StreamFailure(ErrorBodies.kindOf(type), "error event " + type);
            default:
                // ping, and event types added to the API later
        }
    }

    private void start(JsonNode data) {
        JsonNode block = data.path("content_block");
        String type = block.path("type").asString("");
        if (type.equals("tool_use")) {
            open.put(data.path("index").asInt(), new Block(block.path("id").asString(""), block.path("name").asString("")));
        } else if (type.equals("text")) {
            Block text = new Block(null, null);
            text.content.append(block.path("text").asString(""));
            open.put(data.path("index").asInt(), text);
        }
        sink.contentStarted();
    }

    private void delta(JsonNode data) {
        Block block = open.get(data.path("index").asInt());
        JsonNode delta = data.path("delta");
        if (block == null) {
            return;
        }
        switch (delta.path("type").asString("")) {
            case "input_json_delta":
                block.content.append(delta.path("partial_json").asString(""));
                break;
            case "text_delta":
                block.content.append(delta.path("text").asString(""));
                break;
            default:
        }
    }

    private void stop(JsonNode data) {
        Block block = open.remove(data.path("index").asInt());
        if (block == null) {
            return;
        }
        if (block.isTool()) {
            sink.toolCall(ToolInputParser.toolCall(block.id, block.name, block.content.toString()));
        } else if (block.content.length() > 0) {
            sink.text(block.content.toString());
        }
    }

    private void messageDelta(JsonNode data) {
        JsonNode reason = data.path("delta").path("stop_reason");
        if (reason.isString()) {
            stopReason = reason.stringValue();
        }
        JsonNode counts = data.path("usage");
        if (counts.isObject()) {
            // message_delta's counts are cumulative: they replace those of message_start.
            usage = usage(counts, usage == null ? Usage.NONE : usage);
        }
    }

    private static Usage usage(JsonNode counts, Usage before) {
        return new Usage(
                counts.path("input_tokens").asLong(before.inputTokens()),
                counts.path("output_tokens").asLong(before.outputTokens()),
                counts.path("cache_creation_input_tokens").asLong(before.cacheWriteTokens()),
                counts.path("cache_read_input_tokens").asLong(before.cacheReadTokens()));
    }

    private static JsonNode json(SseEvent event) {
        try {
            return ToolInputParser.JSON.readTree(event.data());
        } catch (JacksonException e) {
            throw new WireFormat.StreamFailure(ProviderError.Kind.SERVER, "unreadable " + event.name() + " event");
        }
    }

    @Override
    public boolean finished() {
        return stopped;
    }

    @Override
    public boolean endedWhole() {
        return stopped;
    }

    @Override
    public Usage usage() {
        return usage;
    }

    @Override
    public StopReason stopReason() {
        return StopReason.fromWire(stopReason);
    }

    private static final class Block {
        final String id;
        final String name;
        final StringBuilder content = new StringBuilder();

        Block(String id, String name) {
            this.id = id;
            this.name = name;
        }

        boolean isTool() {
            return name != null;
        }
    }
}
