package com.toaide.ai;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the error a provider sends, in a refused response's body or in an error event. */
final class ErrorBodies {
    private ErrorBodies() {}

    /**
     * The error's type: {@code error.type} (Anthropic, OpenAI), else {@code error.code}, else
     * null. Only the type, never the message: messages may quote the request.
     */
    static String errorType(String json) {
        try {
            JsonNode error = ToolInputParser.JSON.readTree(json).path("error");
            for (String field : new String[] {"type", "code"}) {
                JsonNode value = error.path(field);
                if (value.isString() && !value.stringValue().isEmpty()) {
                    return value.stringValue();
                }
            }
            return null;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The kind of a refused response, from its status and (when the status says little) its error type. */
    static ProviderError.Kind kindOf(int status, String type) {
        if (status == 529 || "overloaded_error".equals(type)) {
            return ProviderError.Kind.OVERLOADED;
        }
        if (status == 429) {
            return ProviderError.Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return ProviderError.Kind.SERVER;
        }
        return ProviderError.Kind.CLIENT;
    }

    /** The kind of an error reported inside a stream, from its type. */
    static ProviderError.Kind kindOf(String type) {
        if (type == null) {
            return ProviderError.Kind.SERVER;
        }
        switch (type) {
            case "overloaded_error":
                return ProviderError.Kind.OVERLOADED;
            case "rate_limit_error":
            case "rate_limit_exceeded":
            case "insufficient_quota":
                return ProviderError.Kind.RATE_LIMITED;
            case "invalid_request_error":
            case "authentication_error":
            case "permission_error":
            case "not_found_error":
            case "request_too_large":
                return ProviderError.Kind.CLIENT;
            default:
                return ProviderError.Kind.SERVER;
        }
    }
}
