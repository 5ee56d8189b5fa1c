package com.toaide.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
 * <p>Output goes through a generator (one for the whole run on text, one per line on bytes), with
 * no tree built for the results or the snapshot: writing trees was a fifth of the command's time
 * (docs/performance.md).
 */
public final class ReplayCommand {
    private ReplayCommand() {}

    /** Returns 0 when every line replayed, 1 when some line was malformed, 2 when reading or writing failed. */
    public static int run(Reader in, Writer out) {
        boolean allReplayed = true;
        JsonGenerator json = generator(out);
        try {
            Lines lines = new Lines(in);
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                allReplayed &= replayLine(
                        Json.MAPPER.createParser(lines.chars(), lines.start(), lines.length()), lines::text, json);
                json.writeRaw('\n');
            }
            json.flush();
        } catch (IOException | UncheckedIOException | JacksonIOException e) {
            return 2;
        }
        return allReplayed ? 0 : 1;
    }

    /**
     * The same command on UTF-8 bytes, writing UTF-8: byte for byte what {@link #run(Reader, Writer)}
     * writes on an {@code InputStreamReader} and {@code OutputStreamWriter} of the same streams, without
     * decoding the input and encoding the output (a tenth of the command's time), and on every core
     * ({@link ParallelLines}). A plain line ({@link ByteLines#isPlainAscii()}) is parsed and written
     * as bytes; any other is decoded and replayed as text, then encoded as the writer would encode it.
     */
    public static int run(InputStream in, OutputStream out) {
        try {
            return ParallelLines.run(in, out, ReplayCommand::replayLine) ? 0 : 1;
        } catch (IOException | UncheckedIOException | JacksonIOException e) {
            return 2;
        }
    }

    private static boolean replayLine(ParallelLines.Line line, ByteArrayOutputStream out) {
        if (line.isPlain()) {
            try (JsonGenerator json = JsonTokens.generator(out)) {
                boolean replayed = replayLine(JsonTokens.parser(line.bytes()), line::asText, json);
                json.writeRaw('\n');
                return replayed;
            }
        }
        StringWriter text = new StringWriter();
        boolean replayed;
        try (JsonGenerator json = generator(text)) {
            char[] chars = line.text().toCharArray();
            replayed = replayLine(Json.MAPPER.createParser(chars, 0, chars.length), line::text, json);
            json.writeRaw('\n');
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return replayed;
    }

    /**
     * The text path's generator for the whole run, its lines separated by the '\n' written after
     * each, not by Jackson's root separator (a space); not closed, as closing would close the
     * caller's stream. The byte path's ({@link JsonTokens}) writes one line to its own buffer.
     */
    private static JsonGenerator generator(Writer out) {
        return Json.MAPPER.writer().withRootValueSeparator("").createGenerator(out);
    }

    /** Writes the line's output object; false when the line was not a JSON array. */
    private static boolean replayLine(JsonParser tokens, Supplier<String> line, JsonGenerator json) {
        List<Event> events = events(tokens);
        if (events != null) {
            write(json, events);
            return true;
        }
        // Whatever is odd about the line, the tree reader says it as it always has.
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line.get());
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
    private static List<Event> events(JsonParser line) {
        try (JsonParser tokens = line) {
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
