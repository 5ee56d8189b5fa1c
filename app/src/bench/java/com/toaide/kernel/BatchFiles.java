package com.toaide.kernel;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The input files of the batch command benchmarks ({@link BatchBench}, {@link BatchCpu}): about a
 * million events for {@code replay} (the 40 random fixture cases, one compact line each, repeated)
 * and the first 3,000 lines of their replay for {@code render}, in a temporary folder.
 */
final class BatchFiles implements AutoCloseable {
    static final int EVENTS = 1_000_000;
    static final int RENDER_LINES = 3_000;

    final Path vectors;
    final Path snapshots;
    final long events;
    private final Path dir;

    BatchFiles() throws IOException {
        dir = Files.createTempDirectory("batch-bench");
        vectors = dir.resolve("vectors.jsonl");
        events = writeVectors(vectors, EVENTS);
        snapshots = dir.resolve("snapshots.jsonl");
        writeSnapshots(vectors, snapshots);
    }

    /** The render file's snapshots, already read. */
    List<Snapshot> readSnapshots() throws IOException {
        List<Snapshot> read = new ArrayList<>();
        for (String line : Files.readAllLines(snapshots)) {
            read.add(Snapshot.fromJson(Json.MAPPER.readTree(line).get("snapshot")));
        }
        return read;
    }

    /** The render file's lines as bytes, as the command's byte path has them. */
    List<byte[]> snapshotLines() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(snapshots)) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        for (Path file : new Path[] {vectors, snapshots, dir}) {
            Files.deleteIfExists(file);
        }
    }

    /** The fixture cases' events, a compact line per case, repeated until there are {@code atLeast} events. */
    private static long writeVectors(Path file, long atLeast) throws IOException {
        JsonNode cases;
        try (InputStream in = BatchFiles.class.getResourceAsStream("/fixtures/kernel/random-40.json")) {
            cases = Json.MAPPER.readTree(in).get("cases");
        }
        List<String> lines = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode c : cases) {
            lines.add(Json.MAPPER.writeValueAsString(c.get("events")));
            sizes.add(c.get("events").size());
        }
        long events = 0;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; events < atLeast; i = (i + 1) % lines.size()) {
                out.write(lines.get(i));
                out.write('\n');
                events += sizes.get(i);
            }
        }
        return events;
    }

    private static void writeSnapshots(Path vectors, Path snapshots) throws IOException {
        var out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(vectors)) {
            ReplayCommand.run(in, out);
        }
        try (var lines = new BufferedReader(new StringReader(out.toString(StandardCharsets.UTF_8)));
             var writer = Files.newBufferedWriter(snapshots, StandardCharsets.UTF_8)) {
            for (int i = 0; i < RENDER_LINES; i++) {
                writer.write(lines.readLine());
                writer.write('\n');
            }
        }
    }
}
