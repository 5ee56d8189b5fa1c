package com.toaide.ai;

/**
 * Why a model call ended without finishing.
 *
 * @param kind what went wrong
 * @param detail for the logs: status, the provider's error type; never user text
 * @param contentArrived whether any part of the answer (text or a tool call) had started
 *     arriving; when true, tool calls may already have been delivered and applied
 * @param httpStatus the HTTP status when the server refused the request, else 0
 * @param attempts how many requests were made (retries included)
 */
public record ProviderError(Kind kind, String detail, boolean contentArrived, int httpStatus, int attempts) {

    public enum Kind {
        /** The provider is overloaded (HTTP 529, an {@code overloaded_error} event). */
        OVERLOADED,
        /** HTTP 429 or a {@code rate_limit_error} event. */
        RATE_LIMITED,
        /** HTTP 5xx or an {@code api_error} event. */
        SERVER,
        /** The server could not be reached (connection refused, reset before an answer). */
        UNREACHABLE,
        /** HTTP 4xx other than 429, or an {@code invalid_request_error}: a bug or a bad key; not retried. */
        CLIENT,
        /** The hard limit on a whole call (120 s) passed. */
        TIMEOUT,
        /** Nothing arrived for the no-progress limit (15 s). */
        STALLED,
        /** The stream ended before the message was complete. */
        CUT,
        /** Cancelled: the interrupt button, the browser going away, a failing listener. */
        INTERRUPTED;

        /** Worth another request, as long as nothing of the answer had arrived. */
        public boolean retryable() {
            return this == OVERLOADED || this == RATE_LIMITED || this == SERVER || this == UNREACHABLE;
        }
    }

    /** The message the user sees, in AIde's voice. */
    public String plainWords() {
        String kept = contentArrived ? " Changes so far are kept." : "";
        switch (kind) {
            case OVERLOADED:
            case RATE_LIMITED:
            case SERVER:
            case UNREACHABLE:
                return "The model is unavailable right now." + kept + " Try again in a minute.";
            case CLIENT:
                return "The model refused the request." + kept;
            case TIMEOUT:
                return "The model took too long." + kept;
            case STALLED:
                return "The model stopped responding." + kept;
            case CUT:
                return "The answer was cut off." + kept;
            case INTERRUPTED:
            default:
                return "Stopped." + kept;
        }
    }

    ProviderError afterAttempts(int count) {
        return new ProviderError(kind, detail, contentArrived, httpStatus, count);
    }
}
