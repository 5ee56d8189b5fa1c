package com.toaide.ai;

import java.net.URI;
import java.net.http.HttpRequest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The request of Anthropic's Messages API; its stream is read by {@link AnthropicDecoder}. */
final class AnthropicWire implements WireFormat {
    static final String API_VERSION = "2023-06-01";

    private final URI messagesUrl;
    private final String apiKey;

    AnthropicWire(URI messagesUrl, String apiKey) {
        this.messagesUrl = messagesUrl;
        this.apiKey = apiKey;
    }

    @Override
    public HttpRequest.Builder newRequest(TurnRequest request) {
        return HttpRequest.newBuilder(messagesUrl)
                .header("x-api-key", apiKey)
                .header("anthropic-version", API_VERSION)
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(WireFormat.cappedBody(body(request).toString()));
    }

    @Override
    public StreamDecoder newDecoder(AnswerSink sink) {
        return new AnthropicDecoder(sink);
    }

    static ObjectNode body(TurnRequest request) {
        ObjectNode body = WireFormat.streamingBody(request);
        ArrayNode system = body.putArray("system");
        for (SystemBlock block : request.system()) {
            ObjectNode text = system.addObject().put("type", "text").put("text", block.text());
            if (block.cached()) {
                text.putObject("cache_control").put("type", "ephemeral");
            }
        }
        ArrayNode tools = body.putArray("tools");
        for (ToolDefinition tool : request.tools()) {
            tools.addObject().put("name", tool.name()).put("description", tool.description())
                    .set("input_schema", tool.inputSchema());
        }
        if (!tools.isEmpty()) {
            // "any": the answer is tool calls only, never a text reply that would end as "0 changes.".
            // No cache mark on the tools: the prefix runs tools, then system, so the mark on the
            // instructions caches both, and the tools alone are below every model's minimum.
            body.putObject("tool_choice").put("type", "any");
        }
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role().wire()).put("content", message.text());
        }
        return body;
    }
}
