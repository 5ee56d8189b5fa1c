package com.toaide.ai;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/** What one provider's API adds to the shared {@link StreamingCall}: its request and its stream's events. */
interface WireFormat {
    /**
     * The most one model request may carry, in bytes of JSON (docs/security.md). The prompt's
     * parts have budgets of their own (page view, conversation window, message length); this
     * bounds whatever they add up to, meta included, so no aide can make a request of any size.
     */
    int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    /** The body of one request, refused (not sent, not retried) past {@link #MAX_REQUEST_BYTES}. */
    static HttpRequest.BodyPublisher cappedBody(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new StreamFailure(ProviderError.Kind.CLIENT, "request of " + bytes.length + " bytes, over " + MAX_REQUEST_BYTES);
        }
        return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    /** The fields both APIs name alike: the model, the output cap, the temperature, and streaming on. */
    static ObjectNode streamingBody(TurnRequest request) {
        ObjectNode body = ToolInputParser.JSON.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens());
        body.put("temperature", request.temperature());
        body.put("stream", true);
        return body;
    }

    /** The POST of one call, headers and body included; the call adds the timeout. */
    HttpRequest.Builder newRequest(TurnRequest request);

    /** A fresh decoder for one attempt's stream. */
    StreamDecoder newDecoder(AnswerSink sink);

    /** Where a decoder sends what it found. */
    interface AnswerSink {
        /** The first text or tool block started: from now on the call is not retried. */
        void contentStarted();

        void toolCall(ToolCall call);

        void text(String text);
    }

    /** Reads one attempt's events. */
    interface StreamDecoder {

        /** Handles one event; throws {@link StreamFailure} for an error event. */
        void accept(SseEvent event);

        /** Nothing more will come: the call may stop reading. */
        boolean finished();

        /** Called when the stream ended (or finished); true when the answer was whole, else the call was cut. */
        boolean endedWhole();

        /** The token counts seen, or null when the stream carried none. */
        Usage usage();

        StopReason stopReason();
    }

    /** A failure reported inside the stream, such as Anthropic's {@code event: error}. */
    final class StreamFailure extends RuntimeException {
        final ProviderError.Kind kind;

        StreamFailure(ProviderError.Kind kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }
    }
}
