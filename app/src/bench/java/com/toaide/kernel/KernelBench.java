package com.toaide.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kernel speed (docs/performance.md). Run with
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=KernelBench}.
 */
public class KernelBench {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int AIDES = 100;
    static final int EVENTS_PER_AIDE = 100;

    /** A realistic small aide's events: a page, a section, a table, rows, some edits. */
    static List<JsonNode> smallAide(int rows) {
        List<JsonNode> events = new ArrayList<>();
        events.add(create("page", "root", "page").set("p", NODES.objectNode().put("title", "Poker Night")));
        events.add(create("section", "page", "section"));
        events.add(create("players", "section", "table"));
        for (int i = 0; events.size() < rows; i++) {
            ObjectNode row = create("row_" + i, "players", "row");
            row.putObject("p").put("name", "Player " + i).put("paid", i % 2 == 0).put("chips", 100 + i)
                    .put("seat", i % 8).put("note", "brings snacks");
            events.add(row);
            if (i % 5 == 4) {
                ObjectNode update = NODES.objectNode().put("t", "entity.update").put("ref", "row_" + (i - 2));
                update.putObject("p").put("paid", true);
                events.add(update);
            }
            if (i % 7 == 6) {
                events.add(NODES.objectNode().put("t", "rel.set").put("from", "row_" + i).put("to", "row_" + (i - 1))
                        .put("type", "seated_next_to").put("cardinality", "many_to_one"));
            }
        }
        return events.subList(0, rows);
    }

    static ObjectNode create(String id, String parent, String display) {
        return NODES.objectNode().put("t", "entity.create").put("id", id).put("parent", parent).put("display", display);
    }

    static List<Event> parsed(List<JsonNode> json) {
        return json.stream().map(Event::fromJson).toList();
    }

    /** Rows of a page > section > table aide, each with five props. */
    static List<Event> table(int rows) {
        List<Event> events = new ArrayList<>();
        events.add(Event.fromJson(create("page", "root", "page")));
        events.add(Event.fromJson(create("section", "page", "section")));
        events.add(Event.fromJson(create("table", "section", "table")));
        for (int i = 0; i < rows; i++) {
            ObjectNode row = create("row_" + i, "table", "row");
            row.putObject("p").put("name", "Guest " + i).put("rsvp", "yes").put("plus_one", i % 3 == 0)
                    .put("dish", "salad").put("table_no", i % 20);
            events.add(Event.fromJson(row));
        }
        return events;
    }

    @State(Scope.Benchmark)
    public static class ManySmallAides {
        List<List<Event>> aides = new ArrayList<>();
        List<List<LogEntry>> logs = new ArrayList<>();

        @Setup
        public void setUp() {
            for (int a = 0; a < AIDES; a++) {
                List<JsonNode> json = smallAide(EVENTS_PER_AIDE);
                aides.add(parsed(json));
                List<LogEntry> log = new ArrayList<>();
                for (int i = 0; i < json.size(); i++) {
                    log.add(new LogEntry(i + 1, "b" + (i / 10), "ai", Source.AI, "2026-01-01T00:00:00Z", json.get(i)));
                }
                logs.add(log);
            }
        }
    }

    /** Replay of 100 aides of 100 parsed events; the score is events per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(AIDES * EVENTS_PER_AIDE)
    public long replayManySmallAides(ManySmallAides state) {
        long sum = 0;
        for (List<Event> aide : state.aides) {
            Snapshot snapshot = Snapshot.empty();
            for (Event event : aide) {
                Kernel.apply(snapshot, event, null);
            }
            sum += snapshot.sequence();
        }
        return sum;
    }

    /** The same through the event log (History.replay from stored entries); events per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(AIDES * EVENTS_PER_AIDE)
    public long replayManySmallAidesFromLog(ManySmallAides state) {
        long sum = 0;
        for (List<LogEntry> log : state.logs) {
            sum += History.replay(log).snapshot().sequence();
        }
        return sum;
    }

    @State(Scope.Benchmark)
    public static class Tables {
        @Param({"1000", "3000"})
        int rows;

        List<Event> events;

        @Setup
        public void setUp() {
            events = table(rows);
        }
    }

    /** Building a page > section > table aide of n rows from parsed events. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Snapshot buildTable(Tables state) {
        Snapshot snapshot = Snapshot.empty();
        for (Event event : state.events) {
            Kernel.apply(snapshot, event, null);
        }
        return snapshot;
    }

    @State(Scope.Thread)
    public static class BigAide {
        Snapshot snapshot;
        Event update;
        int i;

        @Setup(Level.Trial)
        public void setUp() {
            snapshot = Snapshot.empty();
            for (Event event : table(Limits.MAX_ENTITIES - 3)) {
                Kernel.apply(snapshot, event, null);
            }
            ObjectNode json = NODES.objectNode().put("t", "entity.update").put("ref", "row_2500");
            json.putObject("p").put("rsvp", "no");
            update = Event.fromJson(json);
        }
    }

    /** One update on a 5,000-entity aide (the snapshot grows only its sequence). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Result updateOnBigAide(BigAide state) {
        return Kernel.apply(state.snapshot, state.update, null);
    }

    /** The same, parsing the event's JSON first as the web layer does for a direct edit. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Result updateOnBigAideFromJson(BigAide state) {
        ObjectNode json = NODES.objectNode().put("t", "entity.update").put("ref", "row_" + (state.i++ % 4000));
        json.putObject("p").put("rsvp", "maybe");
        return Kernel.apply(state.snapshot, json);
    }
}
