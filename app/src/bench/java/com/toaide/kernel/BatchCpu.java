package com.toaide.kernel;

import com.toaide.render.PageContext;
import com.toaide.render.RenderCommand;
import com.toaide.render.Renderer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The batch commands end to end on a file, in one JVM once compiled (docs/performance.md, "The
 * batch commands"): {@code replay} on about a million events (the 40 random fixture cases, one
 * compact line each, repeated) and {@code render} on the first 3,000 lines of its output, each
 * read from a file and written to a discarding stream, against rendering the same snapshots
 * already read and reading them from their bytes ({@link SnapshotBytes}), each on one thread.
 * Prints the wall time and the process's CPU time (the commands work on every core) per round;
 * the start-up and compiling a {@code java -jar} run pays besides is measured with the jar itself.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/bench-cp.txt) com.toaide.kernel.BatchCpu [rounds [replay|render]]</pre>
 */
public final class BatchCpu {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int RENDER_LINES = 3_000;
    private static Object sink;

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        String only = args.length > 1 ? args[1] : "";
        Path dir = Files.createTempDirectory("batch-cpu");
        Path vectors = dir.resolve("vectors.jsonl");
        long events = writeVectors(vectors, 1_000_000);
        Path snapshots = dir.resolve("snapshots.jsonl");
        writeSnapshots(vectors, snapshots);
        List<Snapshot> read = readSnapshots(snapshots);
        List<byte[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(snapshots)) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        Renderer renderer = new Renderer();
        PageContext context = new PageContext(null, null, null, null, PageContext.Credit.SHOWN);
        System.out.printf("replay: %,d events in %,d bytes; render: %,d lines in %,d bytes%n", events,
                Files.size(vectors), RENDER_LINES, Files.size(snapshots));

        double[][] replay = new double[2][rounds];
        double[][] render = new double[2][rounds];
        double[][] renderOnly = new double[2][rounds];
        double[][] readOnly = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            if (!only.equals("render")) {
                measure(replay, r, () -> ReplayCommand.run(open(vectors), OutputStream.nullOutputStream()));
            }
            if (!only.equals("replay")) {
                measure(render, r, () -> RenderCommand.run(open(snapshots), OutputStream.nullOutputStream(), new String[0]));
            }
            measure(renderOnly, r, () -> {
                for (Snapshot s : read) {
                    sink = renderer.document(s, context);
                }
                return 0;
            });
            measure(readOnly, r, () -> {
                for (byte[] line : lines) {
                    sink = SnapshotBytes.read(line);
                }
                return 0;
            });
            System.out.printf("round %2d: replay %6.0f ms (%,.0f events/s), render %5.0f ms, rendering alone %5.0f ms,"
                    + " reading alone %5.0f ms%n", r, replay[0][r], events / replay[0][r] * 1000, render[0][r],
                    renderOnly[0][r], readOnly[0][r]);
        }
        System.out.println("fastest / median of the rounds after the first third (wall; the process's CPU, every thread):");
        report("replay, per event", replay, 1e6 / events, "ns");
        System.out.printf("  replay end to end: %,.0f events/s at the fastest round%n", events / best(replay[0], rounds) * 1000);
        report("render, per line", render, 1_000.0 / RENDER_LINES, "µs");
        report("rendering alone, per line", renderOnly, 1_000.0 / RENDER_LINES, "µs");
        report("reading alone, per line", readOnly, 1_000.0 / RENDER_LINES, "µs");
        for (Path file : new Path[] {vectors, snapshots, dir}) {
            Files.delete(file);
        }
    }

    interface Run {
        int run() throws IOException;
    }

    private static void measure(double[][] into, int round, Run run) throws IOException {
        long wall = System.nanoTime();
        long cpu = PROCESS.getProcessCpuTime();
        sink = run.run();
        into[1][round] = (PROCESS.getProcessCpuTime() - cpu) / 1e6;
        into[0][round] = (System.nanoTime() - wall) / 1e6;
    }

    private static double best(double[] ms, int rounds) {
        double[] kept = Arrays.copyOfRange(ms, rounds / 3, rounds);
        Arrays.sort(kept);
        return kept[0];
    }

    private static void report(String name, double[][] ms, double scale, String unit) {
        int rounds = ms[0].length;
        double[] wall = Arrays.copyOfRange(ms[0], rounds / 3, rounds);
        double[] cpu = Arrays.copyOfRange(ms[1], rounds / 3, rounds);
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("  %-26s wall %7.2f / %7.2f %s; CPU %7.2f / %7.2f %s%n", name, wall[0] * scale,
                wall[wall.length / 2] * scale, unit, cpu[0] * scale, cpu[cpu.length / 2] * scale, unit);
    }

    private static InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    /** The fixture cases' events, a compact line per case, repeated until there are {@code atLeast} events. */
    private static long writeVectors(Path file, long atLeast) throws IOException {
        JsonNode cases;
        try (InputStream in = BatchCpu.class.getResourceAsStream("/fixtures/kernel/random-40.json")) {
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
        try (InputStream in = open(vectors)) {
            ReplayCommand.run(in, out);
        }
        try (var lines = new BufferedReader(new java.io.StringReader(out.toString(StandardCharsets.UTF_8)));
             var writer = Files.newBufferedWriter(snapshots, StandardCharsets.UTF_8)) {
            for (int i = 0; i < RENDER_LINES; i++) {
                writer.write(lines.readLine());
                writer.write('\n');
            }
        }
    }

    private static List<Snapshot> readSnapshots(Path file) throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            snapshots.add(Snapshot.fromJson(Json.MAPPER.readTree(line).get("snapshot")));
        }
        return snapshots;
    }
}
