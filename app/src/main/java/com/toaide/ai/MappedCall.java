package com.toaide.ai;

import tools.jackson.databind.JsonNode;

/**
 * A tool call turned into a kernel event, or the reason it could not be.
 *
 * @param event the kernel event ({@code entity.create}, {@code rel.set}, {@code voice},
 *     {@code escalate}...), null when rejected
 * @param rejection {@code "CODE: detail"} when the call maps to no event, else null
 */
public record MappedCall(JsonNode event, String rejection) {

    static MappedCall event(JsonNode event) {
        return new MappedCall(event, null);
    }

    static MappedCall rejected(String code, String detail) {
        return new MappedCall(null, code + ": " + detail);
    }

    public boolean rejected() {
        return event == null;
    }
}
