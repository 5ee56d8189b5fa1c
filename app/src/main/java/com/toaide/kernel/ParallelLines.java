package com.toaide.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batch commands' lines worked on every core, their outputs written in input order: each line
 * is independent, and once the code is compiled a line's JSON and its work take the same time on
 * any core (docs/performance.md, "The batch commands"). This thread reads the lines
 * ({@link ByteLines}) and writes the outputs; a pool of one thread per core does the work.
 *
 * <p>Bounded: at most {@link #WINDOW} batches of lines, and {@link #WINDOW_BYTES} of input, are
 * in flight; past either, this thread writes out the oldest batch first. Before it waits for more input (a
 * pipe that has nothing yet), it writes out every line read so far, so a line in gets its line
 * out without waiting for the next.
 */
public final class ParallelLines {
    /** A batch is handed to the pool at this many lines or bytes of input. */
    static final int BATCH_LINES = 64;
    static final long BATCH_BYTES = 256 << 10;
    /** Batches in flight at most, and their input's bytes. */
    static final int WINDOW = 8;
    static final long WINDOW_BYTES = 64L << 20;

    private ParallelLines() {}

    /** One line's work: writes its output to {@code out}; false when the line was malformed. */
    @FunctionalInterface
    public interface Work {
        boolean line(Line line, ByteArrayOutputStream out);
    }

    /**
     * A line that is not blank: its number (blank lines counted), and its bytes when it is plain
     * ASCII ({@link ByteLines#isPlainAscii()}), else its text as an {@code InputStreamReader}
     * decodes it.
     */
    public record Line(int number, byte[] bytes, String text) {
        public boolean isPlain() {
            return text == null;
        }

        /** The line as text, for the tree reader (a plain line's bytes are its characters). */
        public String asText() {
            return text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** A line's output, and whether its work returned true. */
    private record Done(byte[] out, boolean ok) {}

    /**
     * Works every line of {@code in} and writes the outputs to {@code out}, flushed at the end
     * and whenever the input has nothing waiting. Returns whether every line's work returned true.
     * A {@code RuntimeException} or {@code Error} from the work is thrown here.
     */
    public static boolean run(InputStream in, OutputStream out, Work work) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "lines");
            thread.setDaemon(true);
            return thread;
        });
        ThreadLocal<ByteArrayOutputStream> outputs = ThreadLocal.withInitial(() -> new ByteArrayOutputStream(1 << 16));
        var pending = new Pending(out, pool, work, outputs);
        try {
            ByteLines lines = new ByteLines(in, pending::writeAll);
            int number = 0;
            while (lines.next()) {
                number++;
                if (lines.isPlainAscii()) {
                    if (!lines.isBlank()) {
                        byte[] bytes = new byte[lines.length()];
                        System.arraycopy(lines.bytes(), lines.start(), bytes, 0, bytes.length);
                        pending.add(new Line(number, bytes, null), bytes.length);
                    }
                } else {
                    String text = lines.text();
                    if (!text.isBlank()) {
                        pending.add(new Line(number, null, text), lines.length());
                    }
                }
            }
            pending.writeAll();
            return pending.allOk;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The lines read and not yet written, oldest first: gathered into batches (a hand-over to the
     * pool per line cost a tenth of the work), each batch's output written when it is the oldest.
     */
    private static final class Pending {
        private final OutputStream out;
        private final ExecutorService pool;
        private final Work work;
        private final ThreadLocal<ByteArrayOutputStream> outputs;
        private final ArrayDeque<Future<Done>> batches = new ArrayDeque<>();
        private final ArrayDeque<Long> sizes = new ArrayDeque<>();
        private List<Line> batch = new ArrayList<>();
        private long batchBytes;
        private long bytes;
        boolean allOk = true;

        Pending(OutputStream out, ExecutorService pool, Work work, ThreadLocal<ByteArrayOutputStream> outputs) {
            this.out = out;
            this.pool = pool;
            this.work = work;
            this.outputs = outputs;
        }

        void add(Line line, int size) throws IOException {
            batch.add(line);
            batchBytes += size;
            if (batchBytes >= BATCH_BYTES || batch.size() >= BATCH_LINES) {
                submit();
            }
        }

        private void submit() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            List<Line> lines = batch;
            batches.add(pool.submit(() -> {
                ByteArrayOutputStream buffer = outputs.get();
                buffer.reset();
                boolean ok = true;
                for (Line line : lines) {
                    ok &= work.line(line, buffer);
                }
                return new Done(buffer.toByteArray(), ok);
            }));
            sizes.add(batchBytes);
            bytes += batchBytes;
            batch = new ArrayList<>();
            batchBytes = 0;
            while (batches.size() >= WINDOW || bytes > WINDOW_BYTES) {
                writeOldest();
            }
        }

        void writeAll() throws IOException {
            submit();
            while (!batches.isEmpty()) {
                writeOldest();
            }
            out.flush();
        }

        private void writeOldest() throws IOException {
            Done done = await(batches.poll());
            bytes -= sizes.poll();
            out.write(done.out());
            allOk &= done.ok();
        }

        private static Done await(Future<Done> line) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return line.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
