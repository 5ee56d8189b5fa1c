package com.toaide.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The loop of the jar's line commands ({@code replay}, {@code render}): every line is independent
 * of the others, so a batch of lines is worked on every core at once and written back in input
 * order. A batch is what the reader already holds (at most {@link #MAX_LINES} lines or
 * {@link #MAX_CHARS} characters), so a file streams through in bounded memory while a person
 * typing lines still gets each answer at once. Blank lines are skipped but keep their number.
 */
public final class JsonLines {
    static final int MAX_LINES = 512;
    static final int MAX_CHARS = 8 << 20;

    /** One output line, and whether its input line was good. */
    public record Output(String line, boolean ok) {}

    /** Turns input line {@code number} (from 1) into its output line; must not throw. */
    @FunctionalInterface
    public interface PerLine {
        Output apply(int number, String line);
    }

    private record Numbered(int number, String text) {}

    private JsonLines() {}

    /** @return true when every line was good */
    public static boolean run(BufferedReader in, Writer out, PerLine perLine) throws IOException {
        boolean allGood = true;
        int number = 0;
        var batch = new ArrayList<Numbered>();
        while (true) {
            batch.clear();
            long chars = 0;
            String line = null;
            do {
                line = in.readLine();
                if (line == null) {
                    break;
                }
                number++;
                if (!line.isBlank()) {
                    batch.add(new Numbered(number, line));
                    chars += line.length();
                }
            } while (batch.size() < MAX_LINES && chars < MAX_CHARS && in.ready());
            List<Output> outputs = IntStream.range(0, batch.size()).parallel()
                    .mapToObj(i -> perLine.apply(batch.get(i).number(), batch.get(i).text())).toList();
            for (Output output : outputs) {
                allGood &= output.ok();
                out.write(output.line());
                out.write('\n');
            }
            out.flush();
            if (line == null) {
                return allGood;
            }
        }
    }
}
