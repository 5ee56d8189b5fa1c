package com.toaide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs the replay and render commands in a JVM set up for a batch run of a few seconds: the quick
 * compiler only, and the serial collector. A {@code java -jar} run cannot take JVM options, and
 * with the server's defaults (both compilers, G1) a million events took 3.0 s against 1.9 s
 * (docs/performance.md, twelfth session): the optimising compiler spent its time on code the run
 * then used for a moment, and G1 touched hundreds of megabytes of fresh memory.
 *
 * <p>So a bare run ({@code java -jar aide.jar render ...}, or {@code java -cp ... Main}: no JVM
 * option of its own) on a large input starts the same command line again with {@link #OPTIONS}
 * and waits for it: stdin, stdout and stderr are passed straight through, and its status is the
 * status. A run given JVM options is left as its caller set it up, as is one whose command line
 * cannot be read. Only speed depends on it, never output. {@code AIDE_BATCH_JVM=0} turns it off.
 */
final class BatchJvm {
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    /**
     * Below this a file is done in this JVM: starting a second one costs about 0.2 s, which a run
     * of a few megabytes does not win back (3 MB of snapshots: 0.59 s here, 0.69 s there; 9 MB of
     * events: 1.19 s here, 0.94 s there).
     */
    static final long LARGE = 8L << 20;
    /** Marks the second JVM, so that it runs the command itself. */
    private static final String STARTED = "aide.batchJvm";
    /** What may come before the arguments in a bare run: the jar, or the class path and main class. */
    private static final Set<String> LAUNCH = Set.of("-jar", "-cp", "-classpath", "--class-path");

    private BatchJvm() {}

    /**
     * The command's status from a JVM of its own; empty when this JVM should run it itself.
     * {@code input} is the input file, null for stdin.
     */
    static OptionalInt run(String input) {
        if (Boolean.getBoolean(STARTED) || "0".equals(System.getenv("AIDE_BATCH_JVM")) || !isLarge(input)) {
            return OptionalInt.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<String[]> arguments = arguments();
        if (java.isEmpty() || arguments.isEmpty() || !isBare(arguments.get())) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(OPTIONS);
        command.add("-D" + STARTED + "=true");
        command.addAll(List.of(arguments.get()));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // run here, as it always could
        }
        // Stopped with this JVM (a terminal's interrupt reaches both; a kill reaches this one only).
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "batch-jvm-stop"));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // Nothing interrupts the main thread but shutting down, which stops the child too.
            }
        }
    }

    /**
     * Whether the input is a file of {@link #LARGE} or more, or a pipe or terminal, whose size is
     * not known (stdin redirected from a file is that file).
     */
    static boolean isLarge(String input) {
        Path path = Path.of(input != null ? input : "/proc/self/fd/0");
        try {
            return !Files.isRegularFile(path) || Files.size(path) >= LARGE;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * This JVM's arguments, after the java command. Linux gives them whole in /proc; the JDK's own
     * answer there is empty for a long command line (a test's class path).
     */
    private static Optional<String[]> arguments() {
        try {
            String line = Files.readString(Path.of("/proc/self/cmdline"), StandardCharsets.UTF_8);
            String[] parts = line.split("\0");
            return parts.length < 2 ? Optional.empty() : Optional.of(Arrays.copyOfRange(parts, 1, parts.length));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().arguments();
        }
    }

    /** Whether the command line has no JVM option before the jar or the class path and main class. */
    static boolean isBare(String[] arguments) {
        return arguments.length >= 2 && LAUNCH.contains(arguments[0]);
    }
}
