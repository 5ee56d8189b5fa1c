package com.toaide.kernel;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;

/**
 * The jar's {@code replay} command (README, "The jar's commands"; docs/kernel.md): each input line is a JSON
 * array of kernel events applied to an empty snapshot; each output line is
 * {@code {"results":[...],"snapshot":{...}}}, or {@code {"error":"..."}} for a line that is
 * not a JSON array. Blank lines are skipped.
 *
 * <p>Output goes through one generator for the whole run, with no tree built for the results or
 * the snapshot: writing trees was a fifth of the command's time (docs/performance.md).
 */
public final class ReplayCommand {
    private ReplayCommand() {}

    /** Returns 0 when every line replayed, 1 when some line was malformed, 2 when reading or writing failed. */
    public static int run(Reader in, Writer out) {
        boolean allReplayed = true;
        // Lines are separated by the '\n' written after each, not by Jackson's root separator (a space).
        // Not closed: closing would close the caller's writer.
        JsonGenerator json = Json.MAPPER.writer().withRootValueSeparator("").createGenerator(out);
        try {
            Lines lines = new Lines(in);
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                allReplayed &= replayLine(lines, json);
                json.writeRaw('\n');
            }
            json.flush();
        } catch (IOException | UncheckedIOException | JacksonIOException e) {
            return 2;
        }
        return allReplayed ? 0 : 1;
    }

    /** Writes the line's output object; false when the line was not a JSON array. */
    private static boolean replayLine(Lines line, JsonGenerator json) {
        List<Event> events = events(line);
        if (events != null) {
            write(json, events);
            return true;
        }
        // Whatever is odd about the line, the tree reader says it as it always has.
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line.text());
        } catch (JacksonException e) {
            return error(json, "not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isArray()) {
            return error(json, "a line must be a JSON array of events");
        }
        List<Event> parsed = new ArrayList<>(tree.size());
        for (JsonNode event : tree) {
            parsed.add(Event.fromJson(event));
        }
        write(json, parsed);
        return true;
    }

    /**
     * The line's events read from its tokens, without a tree (most of the command's time was
     * building one); null when the line is not one JSON array and nothing else, or not JSON.
     */
    private static List<Event> events(Lines line) {
        try (JsonParser tokens = Json.MAPPER.createParser(line.chars(), line.start(), line.length())) {
            if (tokens.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<Event> events = new ArrayList<>();
            while (tokens.nextToken() != JsonToken.END_ARRAY) {
                events.add(EventReader.read(tokens));
            }
            return tokens.nextToken() == null ? events : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void write(JsonGenerator json, List<Event> events) {
        Snapshot snapshot = Snapshot.empty();
        json.writeStartObject();
        json.writeArrayPropertyStart("results");
        for (Event event : events) {
            result(json, Kernel.apply(snapshot, event));
        }
        json.writeEndArray();
        json.writeName("snapshot");
        SnapshotText.write(json, snapshot, false);
        json.writeEndObject();
    }

    // A result's keys, escaped once: a million results per file.
    private static final SerializedString ACCEPTED = new SerializedString("accepted");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString REASON = new SerializedString("reason");

    /** {@link Result#toJson()}, written straight through. */
    private static void result(JsonGenerator json, Result result) {
        json.writeStartObject();
        json.writeName(ACCEPTED);
        json.writeBoolean(result.accepted());
        if (!result.accepted()) {
            json.writeName(CODE);
            json.writeString(result.code().name());
            json.writeName(REASON);
            json.writeString(result.reason());
        }
        json.writeEndObject();
    }

    private static boolean error(JsonGenerator json, String message) {
        json.writeStartObject();
        json.writeStringProperty("error", message);
        json.writeEndObject();
        return false;
    }
}
