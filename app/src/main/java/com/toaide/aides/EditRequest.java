package com.toaide.aides;

import com.toaide.kernel.Json;
import com.toaide.platform.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /aides/{id}/events}: {@code {"events":[...]}}, optionally with the
 * client's {@code "batch"} id (docs/editor.md), checked before the kernel sees it.
 */
record EditRequest(List<JsonNode> events, String batch) {
    static final int MAX_EVENTS = 500;
    private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** Read from the body's bytes: JSON is UTF-8, and decoding it to a String first cost as much as parsing. */
    static EditRequest parse(byte[] body) {
        final JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Failure.Invalid("The edit is not valid JSON. Nothing was changed.");
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new Failure.Invalid("An edit is {\"events\": [...]} with at least one event. Nothing was changed.");
        }
        if (events.size() > MAX_EVENTS) {
            throw new Failure.TooLarge("At most " + MAX_EVENTS + " events per edit. Nothing was changed.");
        }
        var list = new ArrayList<JsonNode>(events.size());
        events.forEach(list::add);
        JsonNode batch = root.get("batch");
        if (batch != null && !batch.isNull() && !(batch.isString() && BATCH.matcher(batch.stringValue()).matches())) {
            throw new Failure.Invalid("A batch id is 8 to 64 letters, digits, - or _. Nothing was changed.");
        }
        return new EditRequest(List.copyOf(list), batch == null || batch.isNull() ? null : batch.stringValue());
    }
}
