package com.toaide.kernel;

import com.toaide.render.PageContext;
import com.toaide.render.RenderCommand;
import com.toaide.render.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
    private static final int RENDER_LINES = BatchFiles.RENDER_LINES;
    private static Object sink;

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        String only = args.length > 1 ? args[1] : "";
        BatchFiles files = new BatchFiles();
        Path vectors = files.vectors;
        Path snapshots = files.snapshots;
        long events = files.events;
        List<Snapshot> read = files.readSnapshots();
        List<byte[]> lines = files.snapshotLines();
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
        files.close();
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
}
