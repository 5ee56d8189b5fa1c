package com.toaide.kernel;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one event from a JSON token stream into {@link EventFields} and hands them to
 * {@link EventParser}: the replay command reads its lines this way, and {@link Event#fromJson}
 * walks a tree the same way, so there is one way events are read.
 *
 * <p>Field values are built by {@link TokenTree}, as Jackson's tree reader builds them, so an
 * event read from text is judged exactly as the same text read into a tree was; only the event's
 * own object, and a walk of every event looking for NUL characters, are saved.
 */
final class EventReader {
    private EventReader() {}

    /** Reads the value at the parser's current token, leaving the parser on its last token; never returns null. */
    static Event read(JsonParser parser) {
        TokenTree values = new TokenTree(parser);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            values.value(); // read through all the same, so that its errors are the tree reader's
            return EventParser.notAnObject();
        }
        EventFields fields = new EventFields();
        for (String name = values.nextName(); name != null; name = values.nextName()) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                fields.putObject(name, values.fields());
            } else {
                fields.put(name, values.value());
            }
        }
        return EventParser.parse(fields, values.sawNul());
    }
}
