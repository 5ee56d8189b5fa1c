package com.toaide;

import com.toaide.ai.eval.EvalCommand;
import com.toaide.kernel.ByteLines;
import com.toaide.kernel.ReplayCommand;
import com.toaide.ops.VerifyCommand;
import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.platform.db.Migrations;
import com.toaide.platform.storage.EmbeddedS3;
import com.toaide.render.RenderCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jar's commands (README, "The jar's commands"): {@code serve} (the default), {@code migrate}, and {@code replay}
 * and {@code render} for checking the kernel and the renderer from the shell (JSON lines in,
 * JSON lines out), and {@code eval} for measuring the prompts against the configured model.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        var options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            int status = switch (command) {
                case "serve" -> serve(options);
                case "migrate" -> migrate();
                case "replay" -> BatchJvm.run(inputFile(options, new ArrayList<>())).orElseGet(() -> onBytes(options,
                        (in, out, opts) -> ReplayCommand.run(in, out), (in, out, opts) -> ReplayCommand.run(in, out)));
                case "render" -> BatchJvm.run(inputFile(options, new ArrayList<>())).orElseGet(() -> onBytes(options,
                        (in, out, opts) -> RenderCommand.run(in, out, opts.toArray(String[]::new)),
                        (in, out, opts) -> RenderCommand.run(in, out, opts.toArray(String[]::new))));
                case "verify" -> VerifyCommand.run(options, System.getenv(), System.out);
                case "eval" -> EvalCommand.run(options, Config.fromEnvironment(System.getenv()).ai(), System.out);
                default -> usage(command);
            };
            if (status != 0) {
                System.exit(status);
            }
        } catch (Config.ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static int serve(List<String> options) throws Config.ConfigException {
        long started = System.nanoTime();
        // Looked up here, not in a static field: logback's set-up (its XML configuration, some 250
        // classes) is a quarter of a second the replay and render commands do not need.
        Logger log = LoggerFactory.getLogger(Main.class);
        var config = Config.fromEnvironment(System.getenv());
        var embedded = EmbeddedDefault.start(config);
        if (!options.contains("--no-migrate")) {
            int applied = Migrations.run(embedded.migrationDatabase());
            log.info("Migrations: {} applied", applied);
        }
        var app = App.start(config, new App.Infrastructure(embedded.runtimeDatabase(), embedded.listenDatabase(),
                embedded.storage(), embedded.owned()));
        log.info("Ready in {} ms", (System.nanoTime() - started) / 1_000_000);

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        awaitQuietly(stopped);
        return 0;
    }

    private static int migrate() {
        var config = Config.fromEnvironment(System.getenv());
        if (config.database().isEmpty()) {
            System.err.println("migrate needs DATABASE_URL (or DATABASE_MIGRATION_URL); the embedded default migrates on serve.");
            return 2;
        }
        try {
            int applied = Migrations.run(ConnectionSettings.parse(config.database().get().migrationUrl()));
            System.out.println("Migrations: " + applied + " applied");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Migration failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(String command) {
        System.err.println("Unknown command: " + command
                + "\nUsage: java -jar aide.jar [serve [--no-migrate] | migrate | replay [file] | render [file] [--tier free|pro] [--editor]"
                + " | eval [--scenarios file] [--tier fast|deep]"
                + " | verify <editor-url> [<public-url>] [--page slug] [--full] [--slow-ms n]]");
        return 2;
    }

    /** A command reading JSON lines from a file or stdin and writing them to stdout. */
    @FunctionalInterface
    interface JsonLinesCommand {
        int run(Reader in, Writer out, List<String> options) throws IOException;
    }

    /** Options that stand alone; every other {@code --option} takes the next argument as its value. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--editor");

    /**
     * {@code [options] [file]}: the one argument that is neither an option nor an option's
     * value names the input file; without it the command reads stdin.
     */
    private static int withJsonLines(List<String> args, JsonLinesCommand command) {
        var options = new ArrayList<String>();
        String file = inputFile(args, options);
        try (Reader in = file != null
                ? Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)
                : new InputStreamReader(System.in, StandardCharsets.UTF_8);
             Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            return command.run(in, out, options);
        } catch (IOException | UncheckedIOException e) {
            // The commands read as they go, so a read failure may come wrapped from inside them.
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            System.err.println("Cannot read " + (file == null ? "stdin" : file) + ": "
                    + (cause instanceof CharacterCodingException ? "it is not UTF-8 text." : cause.getMessage()));
            return 2;
        }
    }

    /** The file argument of {@code args}; the options (with their values) go to {@code options}. */
    private static String inputFile(List<String> args, List<String> options) {
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                options.add(arg);
                if (!FLAGS.contains(arg) && !arg.contains("=") && i + 1 < args.size()) {
                    options.add(args.get(++i));
                }
            } else {
                file = arg;
            }
        }
        return file;
    }

    /** {@link JsonLinesCommand} on UTF-8 bytes, writing UTF-8: the same bytes out as the text form. */
    @FunctionalInterface
    interface JsonBytesCommand {
        int run(InputStream in, OutputStream out, List<String> options);
    }

    /**
     * {@code replay} and {@code render} read and write bytes ({@code run(InputStream, OutputStream)},
     * the same output as the text path without decoding and encoding it). Stdin is decoded as an
     * {@code InputStreamReader} decodes it, malformed bytes included. A regular file is checked
     * first (read once more) and refused with a plain message if it is not UTF-8, rather than
     * stopped at its first bad byte with half its output written; anything else that is not a
     * regular file (a pipe, a device) goes the text way.
     */
    private static int onBytes(List<String> args, JsonBytesCommand bytes, JsonLinesCommand text) {
        var options = new ArrayList<String>();
        String file = inputFile(args, options);
        if (file == null) {
            return onBytes(bytes, System.in, options);
        }
        Path path = Path.of(file);
        try {
            if (Files.isRegularFile(path)) {
                boolean wellFormed;
                try (InputStream check = Files.newInputStream(path)) {
                    wellFormed = ByteLines.isUtf8(check);
                }
                if (!wellFormed) {
                    System.err.println("Cannot read " + file + ": it is not UTF-8 text.");
                    return 2;
                }
                try (InputStream in = Files.newInputStream(path)) {
                    return onBytes(bytes, in, options);
                }
            }
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        return withJsonLines(args, text);
    }

    private static int onBytes(JsonBytesCommand command, InputStream in, List<String> options) {
        int status = command.run(in, System.out, options);
        System.out.flush();
        return status;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whatever the environment does not provide, started here (the embedded default, README):
     * a real PostgreSQL and an S3-compatible server, both keeping their data in DATA_DIR.
     */
    record EmbeddedDefault(ConnectionSettings runtimeDatabase, ConnectionSettings listenDatabase,
                           ConnectionSettings migrationDatabase, Config.Storage storage, List<AutoCloseable> owned) {
        static EmbeddedDefault start(Config config) {
            var owned = new ArrayList<AutoCloseable>();
            ConnectionSettings runtime;
            ConnectionSettings listen;
            ConnectionSettings migration;
            if (config.database().isPresent()) {
                var database = config.database().get();
                runtime = ConnectionSettings.parse(database.url());
                if (database.pooled()) {
                    runtime = runtime.withoutPreparedStatements();
                }
                listen = ConnectionSettings.parse(database.directUrl());
                migration = ConnectionSettings.parse(database.migrationUrl());
            } else {
                var postgres = EmbeddedDatabase.start(config.dataDir().resolve("postgres"), 0, true);
                owned.add(postgres);
                runtime = postgres.settings("postgres");
                listen = runtime;
                migration = runtime;
            }
            Config.Storage storage;
            if (config.storage().isPresent()) {
                storage = config.storage().get();
            } else {
                var s3 = EmbeddedS3.onDisk(config.dataDir().resolve("objects"), 0);
                owned.add(s3);
                storage = new Config.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey());
            }
            return new EmbeddedDefault(runtime, listen, migration, storage, owned);
        }
    }
}
