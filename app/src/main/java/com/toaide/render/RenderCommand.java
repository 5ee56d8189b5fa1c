package com.toaide.render;

import com.toaide.kernel.Json;
import com.toaide.kernel.Lines;
import com.toaide.kernel.ParallelLines;
import com.toaide.kernel.TokenTree;
import com.toaide.kernel.Snapshot;
import com.toaide.kernel.SnapshotBytes;
import com.toaide.kernel.SnapshotReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;

/**
 * The jar's {@code render} command (README, "The jar's commands"): JSON lines in, each a snapshot; one JSON line out
 * per input line, {@code {"html":"..."}} or {@code {"error":"..."}}. A bad line never stops
 * the run. A line of the {@code replay} command's output ({@code {"snapshot":{...}}}) is read
 * as its snapshot, so the two commands pipe into each other.
 *
 * <p>Options: {@code --plan free|pro} (the owner's plan, default free: a free page shows "Maintained with AIde"), {@code --editor} (the editor markup
 * instead of the document), and for the document {@code --updated YYYY-MM-DD},
 * {@code --url}, {@code --feed}, {@code --landing}. Without {@code --updated} the footer has
 * no date: the renderer never reads the clock, so the same input gives the same output.
 * Arguments not starting with {@code --} are left to the caller (the input file).
 */
public final class RenderCommand {
    private RenderCommand() {}

    private static PageContext.Credit creditOf(String plan) {
        return switch (plan.strip().toLowerCase(Locale.ROOT)) {
            case "free" -> PageContext.Credit.SHOWN;
            case "pro" -> PageContext.Credit.HIDDEN;
            default -> throw new IllegalArgumentException("plan must be free or pro, not " + plan);
        };
    }

    /** @return 0 when every line rendered, 1 when some line had an error, 2 on bad options */
    public static int run(Reader in, Writer out, String[] options) {
        JsonGenerator json = generator(out);
        Pages pages = pages(options, (key, value) -> writeLine(json, key, value));
        if (pages == null) {
            return 2;
        }
        boolean allRendered = true;
        try {
            Lines lines = new Lines(in);
            for (int number = 1; lines.next(); number++) {
                if (lines.isBlank()) {
                    continue;
                }
                allRendered &= pages.line(number, null,
                        () -> Json.MAPPER.createParser(lines.chars(), lines.start(), lines.length()),
                        lines::text, (key, value) -> writeLine(json, key, value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allRendered ? 0 : 1;
    }

    /**
     * The same command on UTF-8 bytes, writing UTF-8: byte for byte what {@link #run(Reader, Writer,
     * String[])} writes on an {@code InputStreamReader} and {@code OutputStreamWriter} of the same
     * streams, without decoding the input and encoding the output, and on every core
     * ({@link ParallelLines}). As in the replay command ({@code ReplayCommand.run(InputStream,
     * OutputStream)}, which says why), a plain line is parsed and written as bytes
     * ({@link JsonLineWriter}) and any other is decoded, rendered as text and encoded as the writer would.
     */
    public static int run(InputStream in, OutputStream out, String[] options) {
        // No generator, nor the mapper behind one, unless a line needs it: setting the mapper up
        // was 0.4 s of every run (docs/performance.md, twelfth session).
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        Pages pages = pages(options, (key, value) -> new JsonLineWriter().line(key, value, usage));
        try {
            if (pages == null) {
                usage.writeTo(out);
                out.flush();
                return 2;
            }
            ThreadLocal<JsonLineWriter> writers = ThreadLocal.withInitial(JsonLineWriter::new);
            return ParallelLines.run(in, out, (line, buffer) -> pages.line(line, buffer, writers.get())) ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator not closed (that would close the caller's stream). Lines are separated by the
     * '\n' written after each, not by Jackson's root separator (a space).
     */
    private static JsonGenerator generator(Writer out) {
        return Json.MAPPER.writer().withRootValueSeparator("").createGenerator(out);
    }

    /** Where a rendered line goes: {@code {"<key>":"<value>"}} and a newline. */
    @FunctionalInterface
    private interface Output {
        void line(String key, String value);
    }

    /** The options read, or null after writing the usage error to {@code error}. */
    private static Pages pages(String[] options, Output error) {
        boolean editor = false;
        PageContext.Credit credit = PageContext.Credit.SHOWN;
        String url = null;
        String feed = null;
        String landing = null;
        LocalDate updated = null;
        try {
            for (int i = 0; i < options.length; i++) {
                String o = options[i];
                String value = null;
                int eq = o.indexOf('=');
                if (o.startsWith("--") && eq > 0) {
                    value = o.substring(eq + 1);
                    o = o.substring(0, eq);
                }
                switch (o) {
                    case "--editor" -> editor = true;
                    case "--plan" -> credit = creditOf(value != null ? value : arg(options, ++i, o));
                    case "--url" -> url = value != null ? value : arg(options, ++i, o);
                    case "--feed" -> feed = value != null ? value : arg(options, ++i, o);
                    case "--landing" -> landing = value != null ? value : arg(options, ++i, o);
                    case "--updated" -> updated = LocalDate.parse(value != null ? value : arg(options, ++i, o));
                    default -> {
                        if (o.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + o);
                        }
                    }
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error.line("error", "usage: render [file] [--plan free|pro] [--editor] "
                    + "[--updated YYYY-MM-DD] [--url URL] [--feed URL] [--landing URL]: " + e.getMessage());
            return null;
        }
        return new Pages(editor, new PageContext(url, feed, landing, updated, credit));
    }

    /** The run's rendering and its options; one line at a time on any thread. */
    private static final class Pages {
        private final Renderer renderer = new Renderer();
        private final boolean editor;
        private final PageContext context;

        Pages(boolean editor, PageContext context) {
            this.editor = editor;
            this.context = context;
        }

        /** A line of the byte path, its output written to {@code buffer}; false when it had an error. */
        boolean line(ParallelLines.Line line, ByteArrayOutputStream buffer, JsonLineWriter bytes) {
            if (line.isPlain()) {
                return line(line.number(), line.bytes(), () -> Json.MAPPER.createParser(line.bytes()), line::asText,
                        (key, value) -> bytes.line(key, value, buffer));
            }
            // Written as text and then encoded as an OutputStreamWriter of UTF-8 encodes it (a lone surrogate as '?').
            StringWriter text = new StringWriter();
            char[] chars = line.text().toCharArray();
            boolean rendered = line(line.number(), null, () -> Json.MAPPER.createParser(chars, 0, chars.length),
                    line::text, (key, value) -> writeLine(generator(text), key, value));
            buffer.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            return rendered;
        }

        /**
         * Renders line {@code number} to {@code out}; false when it had an error. The line is read
         * from its {@code plain} bytes when it has them and {@link SnapshotBytes} takes it, else
         * from its {@code tokens}, else from its {@code text} as a tree.
         */
        boolean line(int number, byte[] plain, Supplier<JsonParser> tokens, Supplier<String> text, Output out) {
            String key = "html";
            String value;
            try {
                Snapshot snapshot = plain != null ? SnapshotBytes.read(plain) : null;
                if (snapshot == null) {
                    SnapshotReader read = snapshotOf(tokens.get());
                    snapshot = read != null
                            ? read.snapshot()
                            : Snapshot.fromJson(snapshotJson(Json.MAPPER.readTree(text.get())));
                }
                value = editor ? renderer.editorBody(snapshot) : renderer.document(snapshot, context);
            } catch (JacksonException e) {
                key = "error";
                value = "line " + number + ": not JSON: " + e.getOriginalMessage();
            } catch (RuntimeException | StackOverflowError e) {
                key = "error";
                value = "line " + number + ": not a snapshot: " + describe(e);
            }
            out.line(key, value);
            return key.equals("html");
        }
    }

    /**
     * The snapshot of a line of the replay command's output, read from its tokens: the snapshot
     * straight into a {@link Snapshot} ({@link SnapshotReader}), the results beside it read past
     * without a tree (a quarter of each line). Null for any other line (not JSON, not an object, a
     * bare snapshot, one the reader leaves to the tree), which the caller reads whole as it always has.
     */
    private static SnapshotReader snapshotOf(JsonParser line) {
        try (JsonParser tokens = line) {
            if (tokens.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            TokenTree values = new TokenTree(tokens);
            SnapshotReader snapshot = null;
            for (String name = values.nextName(); name != null; name = values.nextName()) {
                if (name.equals("entities")) {
                    return null;
                } else if (name.equals("snapshot")) {
                    if (snapshot != null) {
                        return null; // the tree keeps the last one; left to it
                    }
                    snapshot = SnapshotReader.read(tokens);
                    if (snapshot == null) {
                        return null;
                    }
                } else {
                    values.skip();
                }
            }
            return tokens.nextToken() == null ? snapshot : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static JsonNode snapshotJson(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode inner = line.get("snapshot");
        return !line.has("entities") && inner != null && inner.isObject() ? inner : line;
    }

    private static String arg(String[] options, int i, String name) {
        if (i >= options.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return options[i];
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Writes {@code {"<key>":"<value>"}} and a newline, straight through (no tree, no string). */
    private static void writeLine(JsonGenerator json, String key, String value) {
        try {
            json.writeStartObject();
            json.writeStringProperty(key, value);
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause() != null ? e.getCause() : new IOException(e));
        }
    }
}
