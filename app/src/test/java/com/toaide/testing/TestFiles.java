package com.toaide.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every file and folder a test JVM makes outside JUnit's {@code @TempDir}, under one folder of its
 * own ({@code aide-tests-<pid>} in the system's temp folder), deleted when the JVM exits.
 *
 * <p>One test JVM makes a Postgres cluster of a gigabyte and more, and thousands of small folders;
 * left behind, a few runs fill a CI machine's disk (which once failed a run). A JVM killed before
 * its exit hooks run leaves its folder, so each new JVM first deletes the folders of JVMs that are
 * no longer running.
 */
public final class TestFiles {
    private static final String PREFIX = "aide-tests-";
    private static final List<Runnable> beforeDeleting = new ArrayList<>();
    private static Path root;

    private TestFiles() {}

    /** A new, empty folder whose name starts with {@code prefix}. */
    public static Path directory(String prefix, FileAttribute<?>... attributes) {
        try {
            return Files.createTempDirectory(root(), prefix, attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty file named {@code prefix}…{@code suffix}. */
    public static Path file(String prefix, String suffix) {
        try {
            return Files.createTempFile(root(), prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code stop} when the JVM exits, before the files are deleted: a server writing into
     * them (Postgres, PgBouncer) is stopped first. The last registered runs first.
     */
    public static synchronized void onExit(Runnable stop) {
        root();
        beforeDeleting.add(stop);
    }

    private static synchronized Path root() {
        if (root == null) {
            Path temp = Path.of(System.getProperty("java.io.tmpdir"));
            deleteLeftovers(temp);
            try {
                root = Files.createDirectories(temp.resolve(PREFIX + ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // One hook, so the servers stop before their files go (hooks of their own would race).
            Runtime.getRuntime().addShutdownHook(new Thread(TestFiles::stopAndDelete, "test-files-cleanup"));
        }
        return root;
    }

    private static void stopAndDelete() {
        List<Runnable> stops;
        synchronized (TestFiles.class) {
            stops = new ArrayList<>(beforeDeleting);
        }
        for (int i = stops.size() - 1; i >= 0; i--) {
            try {
                stops.get(i).run();
            } catch (RuntimeException e) {
                // Best effort: the JVM is ending; delete what can be deleted.
            }
        }
        deleteTree(root);
    }

    private static void deleteLeftovers(Path temp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!running(folder.getFileName().toString().substring(PREFIX.length()))) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            // Nothing to sweep, or not allowed to: this run's own folder is still deleted at exit.
        }
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // Not a name this class made: leave it.
        }
    }

    /** Deletes {@code path} and everything under it, as far as it can. */
    public static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            // Deepest first, so each folder is empty when its turn comes.
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(each);
                } catch (IOException e) {
                    // A process still ending may hold a file; delete the rest.
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // A file vanished mid-walk (its owner deleted it): what is left goes with the next sweep.
        }
    }
}
