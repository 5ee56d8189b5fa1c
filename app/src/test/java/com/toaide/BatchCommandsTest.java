package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.InputBytes;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
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

    @Test
    void the_quick_compiler_directive_is_taken_by_this_jvm() throws Exception {
        var diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        var server = ManagementFactory.getPlatformMBeanServer();
        String before = (String) server.invoke(diagnostics, "compilerDirectivesPrint", new Object[] {null}, new String[] {String[].class.getName()});

        assertThat(QuickCompiles.add()).isTrue();
        try {
            String after = (String) server.invoke(diagnostics, "compilerDirectivesPrint", new Object[] {null}, new String[] {String[].class.getName()});
            assertThat(after.length()).isGreaterThan(before.length());
            assertThat(after).contains("c2").contains("Exclude:true");
        } finally {
            // The rest of the suite keeps its optimising compiler.
            server.invoke(diagnostics, "compilerDirectivesRemove", new Object[] {null}, new String[] {String[].class.getName()});
        }
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
