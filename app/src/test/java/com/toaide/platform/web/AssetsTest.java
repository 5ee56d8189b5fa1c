package com.toaide.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetsTest {

    @Test
    void made_up_paths_are_not_remembered() {
        var assets = new Assets();
        String real = assets.url("css/app.css");

        for (int i = 0; i < 1_000; i++) {
            assertThat(assets.exists("made/up/" + "a".repeat(5_000) + i + ".css")).isFalse();
        }

        assertThat(assets.cached()).as("only the one real file is held").isEqualTo(1);
        assertThat(assets.url("css/app.css")).isEqualTo(real);
    }
}
