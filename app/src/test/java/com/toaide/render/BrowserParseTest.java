package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.toaide.kernel.Snapshot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile page as a real browser parses it: headless Chromium's DOM after loading the
 * published document holds no script element, no event-handler attribute and no
 * {@code javascript:} URL. Skipped where Chromium is not installed.
 */
class BrowserParseTest {
    private static final String SCRIPT = "<script>document.title='owned'</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)><svg onload=alert(2)>";

    @TempDir
    Path dir;

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(p, name))) {
                    return Path.of(p, name).toString();
                }
            }
        }
        return null;
    }

    @Test
    void a_hostile_page_parses_to_no_live_markup_in_chromium() throws IOException, InterruptedException {
        String chromium = chromium();
        assumeTrue(chromium != null, "chromium is not installed");
        Snapshot s = Snap.of().title(SCRIPT).page("p", SCRIPT)
                .add("c", "p", "card", "title", BREAKOUT, BREAKOUT, SCRIPT, "link", "javascript:alert(3)")
                .add("i", "p", "image", "src", "javascript:alert(4)", "alt", BREAKOUT, "caption", SCRIPT)
                .add("t", "p", "table", "title", SCRIPT).add("r", "t", null, BREAKOUT, "x", "name", SCRIPT)
                .build();
        String html = new Renderer().document(s, new PageContext("https://pages.example.com/s/x", null, null,
                LocalDate.of(2026, 1, 2), PageContext.Credit.SHOWN));
        Path page = dir.resolve("page.html");
        Files.writeString(page, html);

        // The DOM goes to a file, not a pipe: reading a pipe to its end would also wait for any
        // helper process Chromium leaves behind holding it open.
        Path dump = dir.resolve("dom.html");
        Process browser = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom",
                page.toUri().toString())
                .redirectOutput(dump.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            browser.destroyForcibly();
        }
        String dom = Files.readString(dump, StandardCharsets.UTF_8);

        assertThat(dom).contains("<h1>").contains("Maintained with AIde");
        assertThat(dom).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<svg")
                .doesNotContainIgnoringCase("<img src=\"x\"").doesNotContainPattern("(?i)(href|src)=\"javascript:");
        // The serialiser escapes quotes inside values, so emptying them leaves attribute names only.
        String names = dom.replaceAll("=\"[^\"]*\"", "=\"\"");
        assertThat(names).doesNotContainPattern("(?i)<[^>]*\\son[a-z]+=");
        assertThat(dom).contains("<title>" + SCRIPT.replace("<", "&lt;").replace(">", "&gt;") + "</title>");
    }
}
