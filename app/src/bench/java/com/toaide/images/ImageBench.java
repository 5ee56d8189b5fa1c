package com.toaide.images;

import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Processing one 12-megapixel phone photo (4000 x 3000 JPEG with EXIF orientation): decode,
 * turn upright, four sizes encoded (docs/performance.md, "Photos"). Run with {@code -prof gc}
 * for the bytes it allocates; {@link ImageMemory} reports the heap's peak.
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=ImageBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx281m", "-XX:+UseParallelGC"})
public class ImageBench {
    private final ImageProcessor processor = new ImageProcessor();
    private byte[] photo;

    @Setup
    public void setup() {
        photo = phonePhoto();
    }

    @Benchmark
    public ImageProcessor.ProcessedImage process12Megapixels() {
        return processor.process(photo);
    }

    /** Smooth colour with grain, like a photo (a flat picture would compress to nothing). */
    public static byte[] phonePhoto() {
        var image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        var random = new Random(12);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                int grain = random.nextInt(24);
                image.setRGB(x, y, ((x / 16 + grain) & 0xff) << 16 | ((y / 12 + grain) & 0xff) << 8 | ((x + y) / 28 + grain) & 0xff);
            }
        }
        byte[] jpeg = TestImages.write(image, "jpeg");
        // The EXIF segment (orientation and GPS) of a phone's photo, on these pixels.
        byte[] exif = TestImages.jpegWithExif(16, 16, 6);
        byte[] small = TestImages.jpeg(16, 16);
        int segment = exif.length - small.length;
        byte[] out = new byte[jpeg.length + segment];
        System.arraycopy(exif, 0, out, 0, 2 + segment);
        System.arraycopy(jpeg, 2, out, 2 + segment, jpeg.length - 2);
        return out;
    }
}
