package com.toaide.aides;

import com.toaide.kernel.Json;
import com.toaide.platform.web.Problem;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /aides/{id}/events}: {@code {"events":[...]}}, checked before the kernel sees it. */
final class EditRequest {
    static final int MAX_EVENTS = 500;

    private EditRequest() {}

    static List<JsonNode> events(String body) {
        final JsonNode root;
        try {
            root = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new Problem(400, "The edit is not valid JSON. Nothing was changed.");
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new Problem(400, "An edit is {\"events\": [...]} with at least one event. Nothing was changed.");
        }
        if (events.size() > MAX_EVENTS) {
            throw new Problem(413, "At most " + MAX_EVENTS + " events per edit. Nothing was changed.");
        }
        var list = new ArrayList<JsonNode>(events.size());
        events.forEach(list::add);
        return list;
    }
}
