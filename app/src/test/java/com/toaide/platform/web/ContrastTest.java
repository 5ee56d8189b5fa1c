package com.toaide.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor chrome's colours meet WCAG 2 AA (4.5:1 for text) in light and dark mode. Text
 * colours come only from the palette in app.css's {@code :root} blocks, so checking the palette
 * checks every page: a colour written anywhere else (as a dark-mode notice once was, at about
 * 2.1:1) fails here.
 */
class ContrastTest {
    static final Path APP_CSS = Path.of("static", "css", "app.css");
    static final Path EDITOR_CSS = Path.of("static", "css", "editor.css");
    static final double AA_TEXT = 4.5;
    static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");
    static final Pattern LITERAL_COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\b(?:rgb|rgba|hsl|hsla)\\(");

    /** Text colour on background, each pair as pages use them. */
    static final List<List<String>> PAIRS = List.of(
            List.of("ink", "paper"), List.of("ink", "surface"),
            List.of("muted", "paper"), List.of("muted", "surface"),
            List.of("accent", "paper"), List.of("accent", "surface"),
            List.of("warn", "paper"), List.of("warn", "surface"),
            List.of("accent-ink", "accent"));

    @Test
    void every_text_colour_of_the_palette_meets_aa_in_light_and_dark_mode() throws Exception {
        String css = Files.readString(APP_CSS);
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        assertThat(dark).as("app.css has a dark palette").isPositive();
        Map<String, String> light = palette(css.substring(0, dark));
        Map<String, String> darkPalette = new LinkedHashMap<>(light);
        darkPalette.putAll(palette(css.substring(dark, css.indexOf("}", css.indexOf("}", dark) + 1))));

        for (var mode : Map.of("light", light, "dark", darkPalette).entrySet()) {
            for (List<String> pair : PAIRS) {
                double ratio = ratio(mode.getValue().get(pair.get(0)), mode.getValue().get(pair.get(1)));
                assertThat(ratio).as("%s mode: %s on %s", mode.getKey(), pair.get(0), pair.get(1)).isGreaterThanOrEqualTo(AA_TEXT);
            }
        }
    }

    @Test
    void no_colour_is_written_outside_the_palette() throws Exception {
        for (Path file : List.of(APP_CSS, EDITOR_CSS)) {
            String css = Files.readString(file);
            int paletteEnd = file.equals(APP_CSS) ? css.indexOf("* {") : 0;
            var lines = css.substring(paletteEnd).lines()
                    // Shadows and the dialog's backdrop are black at low opacity: no text sits on them alone.
                    .filter(line -> !line.contains("box-shadow") && !line.contains("::backdrop"))
                    .filter(line -> LITERAL_COLOUR.matcher(line).find())
                    .toList();
            assertThat(lines).as("colours in %s outside the palette", file).isEmpty();
        }
    }

    @Test
    void the_ratio_is_computed_as_wcag_defines_it() {
        assertThat(ratio("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        // The dark-mode notice this test was written for: the light palette's warn on the dark paper.
        assertThat(ratio("#8a3b12", "#161614")).isLessThan(AA_TEXT);
    }

    static Map<String, String> palette(String css) {
        var colours = new LinkedHashMap<String, String>();
        VARIABLE.matcher(css).results().forEach(m -> colours.put(m.group(1), m.group(2)));
        return colours;
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }
}
