package com.toaide.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Debian's chromedriver: nothing
 * is ever downloaded. Screenshots go to target/screenshots/ for a person to look at.
 */
public final class Browser implements AutoCloseable {
    public final ChromeDriver driver;
    /** The browser's own profile (about 3 MB), deleted when it closes. */
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start(int width, int height) {
        return start(width, height, false);
    }

    /**
     * A phone-sized screen: a headless window cannot be narrower than about 500 px,
     * so the page is laid out by ChromeDriver's mobile emulation, touch and all.
     */
    public static Browser phone(int width, int height) {
        return start(width, height, true);
    }

    /** Asks the page for the dark colour scheme ({@code prefers-color-scheme: dark}), or light again. */
    public void dark(boolean on) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", on ? "dark" : "light"))));
    }

    private static Browser start(int width, int height, boolean phone) {
        Path profile = TestFiles.directory("aide-chromium");
        var options = new ChromeOptions();
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        options.setBinary(onPath("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile,
                // What the editor guesses from the browser's language (a money field's currency) is the same on every machine.
                "--lang=en-US",
                "--window-size=" + width + "," + height);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(onPath("chromedriver"))).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        if (!phone) {
            driver.manage().window().setSize(new Dimension(width, height));
        }
        return new Browser(driver, profile);
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Every visible control smaller than 44 x 44 CSS px (a thumb's target), described. */
    @SuppressWarnings("unchecked")
    public List<String> smallControls() {
        return (List<String>) driver.executeScript("""
                const out = [];
                document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').forEach((el) => {
                  const r = el.getBoundingClientRect();
                  const style = getComputedStyle(el);
                  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || r.right <= 0 || r.bottom <= 0) return;
                  if (r.width < 44 || r.height < 44) {
                    out.push(el.tagName + '.' + el.className + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '" '
                      + Math.round(r.width) + 'x' + Math.round(r.height));
                  }
                });
                return out;
                """);
    }

    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        TestFiles.deleteTree(profile);
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " is not on PATH: apt-get install chromium chromium-driver (.ci/run does)");
    }
}
