package com.toaide.ai;

/**
 * Turns the lines of a {@code text/event-stream} into events, as the HTML standard reads them:
 * {@code field: value} lines (one space after the colon is dropped), {@code data} lines
 * joined with newlines, comment lines starting with a colon ignored, and a blank line ending
 * the event. An event with no data is dropped; so is an unfinished one at the end of the stream.
 *
 * <p>Not thread-safe: one parser per stream.
 */
final class SseParser {
    private String name;
    private StringBuilder data;

    /** Reads one line (without its line ending); returns the event it completed, or null. */
    SseEvent accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
        // id and retry only matter to browsers that reconnect; a model call never does.
        return null;
    }

    private SseEvent dispatch() {
        SseEvent event = data == null ? null : new SseEvent(name == null || name.isEmpty() ? "message" : name, data.toString());
        name = null;
        data = null;
        return event;
    }
}
