package com.toaide.render;

import com.toaide.kernel.Snapshot;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A second opinion beside {@link RenderBench} for a shared machine: the CPU time of the
 * rendering thread (not wall time, so other processes' load matters less) and the bytes it
 * allocates, per render. Prints the fastest and the median of 20 batches per case.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) com.toaide.render.RenderCpu</pre>
 */
public final class RenderCpu {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static Object sink;

    public static void main(String[] args) {
        Renderer renderer = new Renderer();
        PageContext context = new PageContext("https://pages.example.com/s/league",
                "https://pages.example.com/s/league/feed.xml", "https://example.com/", LocalDate.of(2026, 2, 12),
                PageContext.Credit.SHOWN);
        Snapshot page85 = Pages.typical(85);
        Snapshot page1000 = Pages.typical(1000);
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "warm-up round" : "measured round");
            run("document85", 1_000, () -> renderer.document(page85, context));
            run("document1000", 100, () -> renderer.document(page1000, context));
            run("editorBody85", 1_000, () -> renderer.editorBody(page85));
            run("editorBody1000", 100, () -> renderer.editorBody(page1000));
        }
    }

    private static void run(String name, int perBatch, Supplier<String> render) {
        long tid = Thread.currentThread().getId();
        double[] cpu = new double[20];
        long allocated = 0;
        for (int b = 0; b < cpu.length; b++) {
            long bytes = THREADS.getThreadAllocatedBytes(tid);
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                sink = render.get();
            }
            cpu[b] = (THREADS.getCurrentThreadCpuTime() - start) / 1_000.0 / perBatch;
            allocated = (THREADS.getThreadAllocatedBytes(tid) - bytes) / perBatch;
        }
        Arrays.sort(cpu);
        System.out.printf("%-16s fastest %8.1f µs  median %8.1f µs  CPU per render, %,10d B allocated%n",
                name, cpu[0], cpu[cpu.length / 2], allocated);
    }
}
