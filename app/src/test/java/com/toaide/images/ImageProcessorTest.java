package com.toaide.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {
    private final ImageProcessor processor = new ImageProcessor();

    @Test
    void a_phone_photo_is_turned_upright_and_loses_its_gps_and_every_other_tag() throws Exception {
        byte[] upload = jpegWithGpsCheckedToCarryIt(800, 400, 6);

        var image = processor.process(upload);

        // Orientation 6: the camera was turned a quarter clockwise; the left half shows on top.
        assertThat(image.width()).isEqualTo(400);
        assertThat(image.height()).isEqualTo(800);
        for (var variant : image.variants()) {
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertThat(near(stored.getRGB(stored.getWidth() / 2, stored.getHeight() / 8), TestImages.LEFT)).isTrue();
            assertThat(near(stored.getRGB(stored.getWidth() / 2, stored.getHeight() * 7 / 8), TestImages.RIGHT)).isTrue();
            assertNoMetadata(variant.bytes());
        }
    }

    @Test
    void every_orientation_puts_the_left_half_where_exif_says() throws Exception {
        // Where the source's left half ends up: 1 left, 2 right (mirrored), 3 right (turned), 4 left,
        // 5 top (transposed), 6 top, 7 bottom, 8 bottom.
        String[] leftEndsUp = {"", "left", "right", "right", "left", "top", "top", "bottom", "bottom"};
        for (int orientation = 1; orientation <= 8; orientation++) {
            var image = processor.process(TestImages.jpegWithExif(200, 100, orientation));
            var largest = image.variants().get(image.variants().size() - 1);
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(largest.bytes()));
            int w = stored.getWidth();
            int h = stored.getHeight();
            int probe = switch (leftEndsUp[orientation]) {
                case "left" -> stored.getRGB(w / 8, h / 2);
                case "right" -> stored.getRGB(w * 7 / 8, h / 2);
                case "top" -> stored.getRGB(w / 2, h / 8);
                default -> stored.getRGB(w / 2, h * 7 / 8);
            };
            assertThat(near(probe, TestImages.LEFT)).as("orientation %d", orientation).isTrue();
            assertThat(orientation >= 5 ? h > w : w > h).as("orientation %d turns the frame", orientation).isTrue();
        }
    }

    @Test
    void a_large_photo_is_stored_at_the_srcset_widths_and_an_original_no_longer_than_2400() throws Exception {
        var image = processor.process(TestImages.jpeg(3000, 2000));

        assertThat(image.variants()).extracting(ImageProcessor.Variant::width).containsExactly(480, 960, 1600, 2400);
        assertThat(image.width()).isEqualTo(2400);
        assertThat(image.height()).isEqualTo(1600);
        for (var variant : image.variants()) {
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertThat(stored.getWidth()).isEqualTo(variant.width());
            assertThat(stored.getHeight()).isEqualTo(variant.height());
            assertThat(variant.contentType()).isEqualTo("image/jpeg");
        }
    }

    @Test
    void a_small_picture_is_never_enlarged() {
        var image = processor.process(TestImages.png(300, 200, false));
        assertThat(image.variants()).extracting(ImageProcessor.Variant::width).containsExactly(300);
    }

    @Test
    void a_png_with_transparency_stays_a_png_with_its_alpha() throws Exception {
        BufferedImage source = TestImages.halves(600, 300, true);
        source.setRGB(10, 10, 0x00000000);
        var image = processor.process(TestImages.write(source, "png"));

        var largest = image.variants().get(image.variants().size() - 1);
        assertThat(largest.contentType()).isEqualTo("image/png");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(largest.bytes()));
        assertThat(stored.getColorModel().hasAlpha()).isTrue();
        assertNoMetadata(largest.bytes());
    }

    @Test
    void a_webp_is_decoded_and_stored_as_jpeg() throws Exception {
        var image = processor.process(TestImages.webp(640, 320));

        assertThat(image.variants()).extracting(ImageProcessor.Variant::width).containsExactly(480, 640);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(image.variants().get(1).bytes()));
        assertThat(near(stored.getRGB(40, 160), TestImages.LEFT)).isTrue();
        assertThat(near(stored.getRGB(600, 160), TestImages.RIGHT)).isTrue();
    }

    @Test
    void an_animated_gif_keeps_its_first_frame() throws Exception {
        var image = processor.process(TestImages.animatedGif(200, 100, 3));

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(image.variants().get(0).bytes()));
        assertThat(near(stored.getRGB(20, 50), TestImages.LEFT)).isTrue();
        assertThat(near(stored.getRGB(180, 50), TestImages.RIGHT)).isTrue();
        assertThat(near(stored.getRGB(20, 50), Color.GREEN)).isFalse();
    }

    @Test
    void hostile_files_are_refused_with_a_plain_message() {
        byte[] jpeg = TestImages.jpeg(400, 300);
        assertRefused(new byte[0], "empty");
        assertRefused("just some words, saved as photo.jpg".getBytes(StandardCharsets.UTF_8), "isn't a picture");
        assertRefused("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
                "isn't a picture");
        assertRefused("GIF89a<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "damaged");
        assertRefused(TestImages.pngBomb(100_000, 100_000), "too large");
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "damaged");
        byte[] png = TestImages.png(400, 300, false);
        assertRefused(Arrays.copyOf(png, png.length - 30), "damaged");
        assertRefused(new byte[ImageProcessor.MAX_BYTES + 1], "over 10 MB");
    }

    private void assertRefused(byte[] bytes, String says) {
        assertThatThrownBy(() -> processor.process(bytes)).isInstanceOf(com.toaide.platform.failure.Failure.class).hasMessageContaining(says);
    }

    private static byte[] jpegWithGpsCheckedToCarryIt(int w, int h, int orientation) throws Exception {
        byte[] upload = TestImages.jpegWithExif(w, h, orientation);
        var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
                .isBetween(48.85, 48.86);
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                .isEqualTo(orientation);
        return upload;
    }

    static void assertNoMetadata(byte[] stored) throws Exception {
        var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("tEXt").doesNotContain("iTXt").doesNotContain("XMP");
    }

    static boolean near(int rgb, Color expected) {
        var c = new Color(rgb, true);
        return Math.abs(c.getRed() - expected.getRed()) < 40 && Math.abs(c.getGreen() - expected.getGreen()) < 40
                && Math.abs(c.getBlue() - expected.getBlue()) < 40;
    }

}
