package com.toaide.ai;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one chat completions stream: {@code data:} chunks whose {@code choices[0].delta}
 * carries text or {@code tool_calls} fragments by index, a {@code finish_reason}, a last
 * chunk with {@code usage} (asked for with {@code stream_options.include_usage}), and
 * {@code data: [DONE]}. A tool call is complete when the fragments move on to another index,
 * or at the finish.
 */
final class OpenAiDecoder implements WireFormat.StreamDecoder {
    private final WireFormat.AnswerSink sink;
    private final StringBuilder text = new StringBuilder();
    private int openIndex = -1;
    private String openId;
    private String openName;
    private StringBuilder openArguments;
    private Usage usage;
    private String finishReason;
    private boolean done;

    OpenAiDecoder(WireFormat.AnswerSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(SseEvent event) {
        if (event.data().trim().equals("[DONE]")) {
            finish();
            done = true;
            return;
        }
        JsonNode chunk = json(event);
        if (chunk.has("error")) {
            String type = ErrorBodies.errorType(event.data());
            throw new WireFormat.StreamFailure(ErrorBodies.kindOf(type), "error chunk " + type);
        }
        JsonNode counts = chunk.path("usage");
        if (counts.isObject()) {
            long cached = counts.path("prompt_tokens_details").path("cached_tokens").asLong(0);
            usage = new Usage(counts.path("prompt_tokens").asLong(0) - cached,
                    counts.path("completion_tokens").asLong(0), 0, cached);
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        JsonNode content = delta.path("content");
        if (content.isString() && !content.stringValue().isEmpty()) {
            sink.contentStarted();
            text.append(content.stringValue());
        }
        for (JsonNode fragment : delta.path("tool_calls")) {
            toolFragment(fragment);
        }
        JsonNode reason = choice.path("finish_reason");
        if (reason.isString()) {
            finishReason = reason.stringValue();
            finish();
        }
    }

    private void toolFragment(JsonNode fragment) {
        int index = fragment.path("index").asInt(0);
        if (index != openIndex) {
            completeOpenCall();
            sink.contentStarted();
            openIndex = index;
            openId = null;
            openName = null;
            openArguments = new StringBuilder();
        }
        JsonNode id = fragment.path("id");
        if (id.isString() && !id.stringValue().isEmpty()) {
            openId = id.stringValue();
        }
        JsonNode function = fragment.path("function");
        if (function.path("name").isString()) {
            openName = (openName == null ? "" : openName) + function.path("name").stringValue();
        }
        if (function.path("arguments").isString()) {
            openArguments.append(function.path("arguments").stringValue());
        }
    }

    private void completeOpenCall() {
        if (openArguments == null) {
            return;
        }
        String id = openId != null ? openId : "call_" + openIndex;
        String name = openName != null ? openName : "";
        String arguments = openArguments.toString();
        openArguments = null;
        sink.toolCall(ToolInputParser.toolCall(id, name, arguments));
    }

    private void finish() {
        completeOpenCall();
        if (text.length() > 0) {
            String written = text.toString();
            text.setLength(0);
            sink.text(written);
        }
    }

    private static JsonNode json(SseEvent event) {
        try {
            return ToolInputParser.JSON.readTree(event.data());
        } catch (JacksonException e) {
            throw new WireFormat.StreamFailure(ProviderError.Kind.SERVER, "unreadable chunk");
        }
    }

    @Override
    public boolean finished() {
        return done;
    }

    @Override
    public boolean endedWhole() {
        return done || finishReason != null;
    }

    @Override
    public Usage usage() {
        return usage;
    }

    @Override
    public StopReason stopReason() {
        return StopReason.fromWire(finishReason);
    }
}
