package com.toaide.render;

import com.toaide.kernel.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering cost of typical pages (docs/performance.md, "Renderer").
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=RenderBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBench {
    private Renderer renderer;
    private PageContext context;
    private Snapshot page85;
    private Snapshot page1000;

    @Setup
    public void setup() {
        renderer = new Renderer();
        context = new PageContext("https://pages.example.com/s/league", "https://pages.example.com/s/league/feed.xml",
                "https://example.com/", LocalDate.of(2026, 2, 12), PageContext.Credit.SHOWN);
        page85 = Pages.typical(85);
        page1000 = Pages.typical(1000);
        for (Snapshot s : new Snapshot[] {page85, page1000}) {
            System.out.printf("%n%d entities: document %,d bytes, editor body %,d bytes%n", s.entityCount(),
                    renderer.document(s, context).getBytes(StandardCharsets.UTF_8).length,
                    renderer.editorBody(s).getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Benchmark
    public String document85() {
        return renderer.document(page85, context);
    }

    @Benchmark
    public String document1000() {
        return renderer.document(page1000, context);
    }

    @Benchmark
    public String editorBody85() {
        return renderer.editorBody(page85);
    }

    @Benchmark
    public String editorBody1000() {
        return renderer.editorBody(page1000);
    }
}
