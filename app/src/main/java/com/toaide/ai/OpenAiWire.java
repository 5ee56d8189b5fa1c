package com.toaide.ai;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The request of OpenAI-compatible chat completions with tools; its stream is read by {@link OpenAiDecoder}. */
final class OpenAiWire implements WireFormat {
    private final URI completionsUrl;
    private final String apiKey;

    OpenAiWire(URI completionsUrl, String apiKey) {
        this.completionsUrl = completionsUrl;
        this.apiKey = apiKey;
    }

    @Override
    public HttpRequest.Builder newRequest(TurnRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(completionsUrl)
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(WireFormat.cappedBody(body(request).toString()));
        if (apiKey != null && !apiKey.isEmpty()) {
            builder.header("authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    @Override
    public StreamDecoder newDecoder(AnswerSink sink) {
        return new OpenAiDecoder(sink);
    }

    static ObjectNode body(TurnRequest request) {
        ObjectNode body = WireFormat.streamingBody(request);
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) {
            // One system message: many local chat templates accept only one, and only first.
            messages.addObject().put("role", "system").put("content",
                    request.system().stream().map(SystemBlock::text).collect(Collectors.joining("\n\n")));
        }
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role().wire()).put("content", message.text());
        }
        ArrayNode tools = body.putArray("tools");
        for (ToolDefinition tool : request.tools()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description()).set("parameters", tool.inputSchema());
        }
        if (!tools.isEmpty()) {
            body.put("tool_choice", "required");
        }
        return body;
    }
}
