package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.InputBytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The jar's replay and render commands as a shell runs them: a JVM of their own, a file, stdout, stderr and status. */
class BatchCommandsTest {
    @TempDir Path dir;

    @Test
    void a_file_that_is_not_utf8_is_refused_with_a_plain_message_and_status_2_by_both_commands() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        byte[] good = "[{\"t\":\"entity.create\",\"id\":\"a\",\"display\":\"text\",\"p\":{}}]\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'[', '"', (byte) 0xff, (byte) 0xfe, '"', ']', '\n'};
        Files.write(file, InputBytes.concat(good, bad));
        for (String command : List.of("replay", "render")) {
            var run = run(command, file.toString());

            assertThat(run.status).as(command).isEqualTo(2);
            assertThat(run.stdout).as(command).isEmpty();
            assertThat(run.stderr).as(command).isEqualTo("Cannot read " + file + ": it is not UTF-8 text.\n");
        }
    }

    @Test
    void a_well_formed_file_replays_and_renders() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "[{\"t\":\"entity.create\",\"id\":\"hello\",\"display\":\"text\",\"p\":{\"text\":\"Hi\"}}]\n");

        var replayed = run("replay", events.toString());
        assertThat(replayed.status).isZero();
        assertThat(replayed.stdout).startsWith("{\"results\":[{\"accepted\":true}],\"snapshot\":{");

        Path snapshots = dir.resolve("snapshots.jsonl");
        Files.writeString(snapshots, replayed.stdout);
        var rendered = run("render", snapshots.toString());
        assertThat(rendered.status).isZero();
        assertThat(rendered.stdout).startsWith("{\"html\":\"<!doctype html>").contains("Hi");
    }

    private static final String LINE = "[{\"t\":\"entity.create\",\"id\":\"a\",\"display\":\"text\",\"p\":{}}]\n";

    @Test
    @Timeout(120)
    void a_bare_run_works_in_a_jvm_of_its_own_with_the_batch_options_and_stops_with_its_caller() throws Exception {
        Process run = start(List.of(), "replay");
        try (var in = run.getOutputStream(); var out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(LINE.getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(out.readLine()).startsWith("{\"results\":[{\"accepted\":true}]");

            // The line was answered while stdin stays open: by the one child, started with the options.
            List<ProcessHandle> children = run.toHandle().children().toList();
            assertThat(children).hasSize(1);
            // Read from /proc: the JDK gives no arguments for a command line as long as a test's class path.
            String childLine = Files.readString(Path.of("/proc", Long.toString(children.get(0).pid()), "cmdline"));
            assertThat(List.of(childLine.split("\0"))).contains(BatchJvm.OPTIONS.toArray(String[]::new));

            run.destroy(); // what a kill of the caller does
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(children.get(0).onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    @Test
    @Timeout(120)
    void a_run_given_jvm_options_is_left_in_its_own_jvm() throws Exception {
        Process run = start(List.of("-Xss4m"), "replay");
        try (var in = run.getOutputStream(); var out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(LINE.getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(out.readLine()).startsWith("{\"results\":[{\"accepted\":true}]");
            assertThat(run.toHandle().children().toList()).isEmpty();
        }
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isZero();
    }

    @Test
    void a_command_line_is_bare_when_nothing_comes_before_the_jar_or_class_path() {
        assertThat(BatchJvm.isBare(new String[] {"-jar", "aide.jar", "replay"})).isTrue();
        assertThat(BatchJvm.isBare(new String[] {"-cp", "a:b", "com.toaide.Main", "render", "f"})).isTrue();
        assertThat(BatchJvm.isBare(new String[] {"-Xmx1g", "-jar", "aide.jar", "replay"})).isFalse();
        assertThat(BatchJvm.isBare(new String[] {"-XX:+UseG1GC", "-cp", "a", "com.toaide.Main", "replay"})).isFalse();
        assertThat(BatchJvm.isBare(new String[] {"-jar"})).isFalse();
    }

    @Test
    void a_file_is_large_enough_for_a_jvm_of_its_own_from_eight_megabytes() throws Exception {
        Path small = dir.resolve("small.jsonl");
        Files.writeString(small, LINE);
        Path large = dir.resolve("large.jsonl");
        try (var file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(BatchJvm.LARGE);
        }
        assertThat(BatchJvm.isLarge(small.toString())).isFalse();
        assertThat(BatchJvm.isLarge(large.toString())).isTrue();
        assertThat(BatchJvm.isLarge(dir.resolve("missing").toString())).isTrue(); // refused by the command as before
    }

    private Process start(List<String> jvmOptions, String... args) throws IOException {
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private record Run(int status, String stdout, String stderr) {}

    private Run run(String... args) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
