package com.toaide;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Asks the JVM to compile with its quick compiler (C1) only, for the replay and render commands.
 * A batch run spent about a third of its CPU in the optimising compiler (C2) inlining large
 * methods that the run then uses for a few seconds at most: with C2 left out render took 30 to
 * 40% less CPU, and with the lines on both cores both commands take less wall time at every size
 * measured (docs/performance.md, tenth and eleventh sessions). A {@code java -jar} run cannot
 * pass JVM flags, so this adds a compiler directive through the JVM's diagnostic command bean,
 * which is what {@code jcmd <pid> Compiler.directives_add} does.
 *
 * <p>It runs on a daemon thread beside the command: setting up the management beans takes a
 * few hundred milliseconds, and a directive counts for every compilation after it, which the
 * command need not wait for. Any failure (another JVM, no such bean) leaves the defaults: only
 * speed depends on it, never output.
 */
final class QuickCompiles {
    private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompiles() {}

    static void startInBackground() {
        Thread thread = new Thread(QuickCompiles::add, "quick-compiles");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds the directive now; false when the JVM would not take it. */
    static boolean add() {
        Path file = null;
        try {
            // The diagnostic command reads directives from a file only.
            file = Files.createTempFile("aide-directives", ".json");
            file.toFile().deleteOnExit(); // the command may end before this thread does
            Files.writeString(file, NO_C2, StandardCharsets.UTF_8);
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
                    new String[] {String[].class.getName()});
            return true;
        } catch (Exception | LinkageError e) {
            // Left at the JVM's defaults: slower, the same output.
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception e) {
                    // A temporary file left behind.
                }
            }
        }
    }
}
