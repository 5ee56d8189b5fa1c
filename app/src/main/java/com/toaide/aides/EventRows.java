package com.toaide.aides;

import com.toaide.kernel.Json;
import com.toaide.kernel.LogEntry;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * New {@code aide_events} rows as one JSON array of objects, one key per column, so one statement
 * can insert them all with {@code json_to_recordset} ({@link EditDao#write}). Six arrays bound as
 * JDBC arrays cost more to encode than the rest of the statement (docs/performance.md); the
 * event goes in as the JSON text it is, which a {@code json} column keeps as written.
 */
final class EventRows {
    private EventRows() {}

    static String json(List<LogEntry> entries) {
        int length = 2;
        for (LogEntry entry : entries) {
            length += 200 + entry.eventJson().length();
        }
        var out = new StringWriter(length);
        try (JsonGenerator json = Json.MAPPER.createGenerator(out)) {
            json.writeStartArray();
            for (LogEntry entry : entries) {
                json.writeStartObject();
                json.writeNumberProperty("seq", entry.seq());
                json.writeStringProperty("batch", entry.batch());
                json.writeStringProperty("actor", entry.actor());
                json.writeStringProperty("source", entry.source().json());
                json.writeStringProperty("ts", entry.ts());
                json.writeName("event");
                json.writeRawValue(entry.eventJson());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return out.toString();
    }
}
