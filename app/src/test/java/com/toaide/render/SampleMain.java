package com.toaide.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes sample documents for a look in a browser: {@code java ... SampleMain /tmp/dir}. */
final class SampleMain {
    private SampleMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
        Renderer r = new Renderer();
        PageContext ctx = new PageContext("https://pages.example.com/s/poker", "https://pages.example.com/s/poker/feed.xml",
                "https://example.com/", LocalDate.of(2026, 2, 12), PageContext.Credit.SHOWN);
        Files.writeString(dir.resolve("sample.html"), r.document(Samples.pokerLeague(), ctx));
        Files.writeString(dir.resolve("empty.html"), r.document(com.toaide.kernel.Snapshot.empty(), ctx));
    }
}
