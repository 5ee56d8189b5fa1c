package com.toaide.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test JVM's files go when it ends; a killed one's go when the next one starts. */
class TestFilesTest {
    @TempDir
    Path temp;

    @Test
    void a_jvm_that_ends_deletes_its_folder_and_the_next_one_sweeps_a_killed_ones() throws Exception {
        long halted = child("halt");
        Path haltedFolder = temp.resolve("aide-tests-" + halted);
        try (var left = Files.list(haltedFolder)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("a JVM stopped without its exit hooks leaves its folder").anyMatch(name -> name.startsWith("aide-data"));
        }
        Path running = Files.createDirectory(temp.resolve("aide-tests-" + ProcessHandle.current().pid()));
        Path foreign = Files.createDirectory(temp.resolve("aide-tests-notapid"));

        long ended = child("exit");

        assertThat(temp.resolve("aide-tests-" + ended)).as("a JVM that ends deletes its own folder").doesNotExist();
        assertThat(haltedFolder).as("the next JVM deletes a dead JVM's folder").doesNotExist();
        assertThat(running).as("a running JVM's folder is left alone").isDirectory();
        assertThat(foreign).as("a folder this class did not name is left alone").isDirectory();
    }

    /** Runs {@link Child} with this test's temp folder as the system's; returns its pid. */
    private long child(String how) throws IOException, InterruptedException {
        var process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"), Child.class.getName(), how))
                .redirectErrorStream(true).redirectOutput(temp.resolve("child-" + how + ".log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("child-" + how + ".log"))).isEqualTo(how.equals("halt") ? 3 : 0);
        return process.pid();
    }

    /** Makes a folder and a file through {@link TestFiles}, then ends normally or halts (no exit hooks). */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            Files.writeString(TestFiles.directory("aide-data").resolve("data"), "x");
            TestFiles.file("aide-log", ".log");
            if (args[0].equals("halt")) {
                Runtime.getRuntime().halt(3);
            }
        }
    }
}
