package com.toaide.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code com.toaide.Main} in a child JVM on the test class path, with its own environment. */
public final class JavaProcess {
    private JavaProcess() {}

    public static Process start(Map<String, String> environment, Path log, String... args) {
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.toaide.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the test names: the child must not pick up this machine's configuration.
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME") && !name.equals("TMPDIR"));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
