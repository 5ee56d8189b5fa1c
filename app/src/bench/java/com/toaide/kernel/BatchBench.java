package com.toaide.kernel;

import com.toaide.render.PageContext;
import com.toaide.render.RenderCommand;
import com.toaide.render.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The batch commands end to end on a file, once compiled (docs/performance.md, "The batch
 * commands"): {@code replay} of about a million events and {@code render} of 3,000 lines of its
 * output ({@link BatchFiles}), each read from the file through the command's byte path and written
 * to a discarding stream, beside rendering the same snapshots already read, on one thread. Wall
 * time per whole file; {@link BatchCpu} gives the process's CPU time for the same runs.
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=BatchBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class BatchBench {
    private BatchFiles files;
    private List<Snapshot> snapshots;
    private Renderer renderer;
    private PageContext context;

    @Setup
    public void setup() throws IOException {
        files = new BatchFiles();
        snapshots = files.readSnapshots();
        renderer = new Renderer();
        context = new PageContext(null, null, null, null, PageContext.Credit.SHOWN);
        System.out.printf("%nreplay: %,d events in %,d bytes; render: %,d lines in %,d bytes%n", files.events,
                Files.size(files.vectors), BatchFiles.RENDER_LINES, Files.size(files.snapshots));
    }

    @TearDown
    public void tearDown() throws IOException {
        files.close();
    }

    @Benchmark
    public int replayFile() throws IOException {
        try (InputStream in = Files.newInputStream(files.vectors)) {
            return ReplayCommand.run(in, OutputStream.nullOutputStream());
        }
    }

    @Benchmark
    public int renderFile() throws IOException {
        try (InputStream in = Files.newInputStream(files.snapshots)) {
            return RenderCommand.run(in, OutputStream.nullOutputStream(), new String[0]);
        }
    }

    @Benchmark
    public void renderingAlone(Blackhole sink) {
        for (Snapshot s : snapshots) {
            sink.consume(renderer.document(s, context));
        }
    }
}
