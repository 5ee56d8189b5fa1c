package com.toaide.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The jar's {@code replay} command (README, "The jar's commands"; docs/kernel.md): each input line is a JSON
 * array of kernel events applied to an empty snapshot; each output line is
 * {@code {"results":[...],"snapshot":{...}}}, or {@code {"error":"..."}} for a line that is
 * not a JSON array. Blank lines are skipped.
 */
public final class ReplayCommand {
    private static final JsonMapper JSON = JsonMapper.shared();

    private ReplayCommand() {}

    /** Returns 0 when every line replayed, 1 when some line was malformed, 2 when reading or writing failed. */
    public static int run(Reader in, Writer out) {
        boolean allReplayed = true;
        try {
            BufferedReader lines = new BufferedReader(in);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode output = replayLine(line);
                allReplayed &= !output.has("error");
                out.write(JSON.writeValueAsString(output));
                out.write('\n');
            }
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            return 2;
        }
        return allReplayed ? 0 : 1;
    }

    static ObjectNode replayLine(String line) {
        ObjectNode output = SnapshotJson.NODES.objectNode();
        JsonNode events;
        try {
            events = JSON.readTree(line);
        } catch (JacksonException e) {
            output.put("error", "not JSON: " + e.getOriginalMessage());
            return output;
        }
        if (events == null || !events.isArray()) {
            output.put("error", "a line must be a JSON array of events");
            return output;
        }
        Snapshot snapshot = Snapshot.empty();
        ArrayNode results = output.putArray("results");
        for (JsonNode event : events) {
            results.add(Kernel.apply(snapshot, event).toJson());
        }
        output.set("snapshot", snapshot.toJson());
        return output;
    }
}
