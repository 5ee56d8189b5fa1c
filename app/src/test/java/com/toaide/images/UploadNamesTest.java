package com.toaide.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file name a photo came with is kept only as a plain name, fit to show the AI. */
class UploadNamesTest {

    @Test
    void the_folder_a_browser_sends_is_dropped() {
        assertThat(ImageService.fileName("C:\\fakepath\\kitchen before.jpg")).isEqualTo("kitchen before.jpg");
        assertThat(ImageService.fileName("photos/2026/IMG_2041.JPG")).isEqualTo("IMG_2041.JPG");
    }

    @Test
    void control_characters_go_and_long_names_are_cut_at_a_character() {
        assertThat(ImageService.fileName("kit\nchen\u0000.jpg ")).isEqualTo("kitchen.jpg");
        String name = ImageService.fileName("😀".repeat(200) + ".jpg");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(ImageService.MAX_NAME);
        assertThat(name).isEqualTo("😀".repeat(ImageService.MAX_NAME));
    }

    @Test
    void nothing_left_is_no_name() {
        assertThat(ImageService.fileName(null)).isNull();
        assertThat(ImageService.fileName("")).isNull();
        assertThat(ImageService.fileName("photos/")).isNull();
        assertThat(ImageService.fileName(" \t ")).isNull();
    }
}
