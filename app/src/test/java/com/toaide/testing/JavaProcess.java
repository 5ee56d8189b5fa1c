package com.toaide.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs {@code com.toaide.Main} in a child JVM on the test class path, with its own environment. */
public final class JavaProcess {
    private JavaProcess() {}

    public static Process start(Map<String, String> environment, Path log, String... args) {
        return start(List.of("-Xmx256m"), environment, log, args);
    }

    /**
     * The JVM flags production starts with (railway.toml's start command), on a 512 MB instance:
     * its share of the container's memory becomes an explicit heap size, since this machine has more.
     */
    public static List<String> productionFlags() {
        try {
            String toml = Files.readString(Path.of("railway.toml"));
            var start = Pattern.compile("startCommand = \"(?:env [A-Z_]+=\\S+ )*java ([^\"]*) -jar").matcher(toml);
            if (!start.find()) {
                throw new IllegalStateException("railway.toml has no java start command");
            }
            var flags = new ArrayList<String>();
            for (String flag : start.group(1).split(" ")) {
                var percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(flag);
                flags.add(percent.matches() ? "-Xmx" + 512 * Integer.parseInt(percent.group(1)) / 100 + "m" : flag);
            }
            return flags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Process start(List<String> jvmFlags, Map<String, String> environment, Path log, String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.toaide.Main"));
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
