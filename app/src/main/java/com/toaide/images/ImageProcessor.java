package com.toaide.images;

import com.toaide.platform.failure.Failure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded file into the pictures AIde stores: the type told from the bytes, the
 * dimensions checked before any pixel is decoded, the camera's orientation applied, and every
 * size encoded afresh, so no metadata of the original (GPS above all) survives.
 */
public final class ImageProcessor {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Checked from the header, before decoding: a small file can claim enormous dimensions. */
    public static final long MAX_PIXELS = 40_000_000L;
    /**
     * Pictures larger than this are decoded at a fraction of their size (every 2nd or 3rd pixel):
     * a 12-megapixel photo decodes whole, a 40-megapixel one at a quarter of its pixels.
     */
    static final long DECODE_PIXELS = 16_000_000L;
    /** The longer side of the largest stored size (the "original"). */
    static final int MAX_EDGE = 2400;
    /** The widths offered to browsers in {@code srcset}, besides the original. */
    static final int[] WIDTHS = {480, 960, 1600};
    private static final float JPEG_QUALITY = 0.84f;

    static {
        // Decoding works on the bytes in memory; ImageIO's default would spill to temporary files.
        ImageIO.setUseCache(false);
    }

    public ProcessedImage process(byte[] bytes) {
        if (bytes.length == 0) {
            throw Refusals.empty();
        }
        if (bytes.length > MAX_BYTES) {
            throw Refusals.tooLarge();
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(Refusals::notAPicture);
        // Brought down to size before it is turned: turning copies the picture, so copy the smaller one.
        BufferedImage original = Orientation.apply(fitWithin(decode(bytes, format), MAX_EDGE), Orientation.of(bytes));
        boolean opaque = !Pixels.hasAlpha(original);
        var variants = new ArrayList<Variant>();
        for (int width : WIDTHS) {
            if (width < original.getWidth()) {
                variants.add(encode(Pixels.scaleToWidth(original, width), opaque));
            }
        }
        variants.add(encode(original, opaque));
        return new ProcessedImage(original.getWidth(), original.getHeight(), List.copyOf(variants));
    }

    private static BufferedImage decode(byte[] bytes, ImageFormat format) {
        var readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw Refusals.damaged();
            }
            if (width * height > MAX_PIXELS) {
                throw Refusals.tooManyPixels(width * height);
            }
            var param = reader.getDefaultReadParam();
            int step = 1;
            while ((width / step) * (height / step) > DECODE_PIXELS) {
                step++;
            }
            param.setSourceSubsampling(step, step, 0, 0);
            // A truncated JPEG decodes "successfully" with grey where the data ran out; its reader warns.
            var warnings = new ArrayList<String>();
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0, param);
            if (image == null || !warnings.isEmpty()) {
                throw Refusals.damaged();
            }
            return image;
        } catch (Failure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Refusals.damaged();
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage fitWithin(BufferedImage image, int edge) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        int width = longer <= edge ? image.getWidth()
                : Math.max(1, (int) Math.round((double) image.getWidth() * edge / longer));
        return Pixels.scaleToWidth(image, width);
    }

    /** JPEG for opaque pictures, PNG where there is transparency; written with no metadata at all. */
    private static Variant encode(BufferedImage image, boolean opaque) {
        var bytes = new ByteArrayOutputStream(64 * 1024);
        String type = opaque ? "jpeg" : "png";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type).next();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (opaque) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Encoding a decoded picture failed", e);
        } finally {
            writer.dispose();
        }
        byte[] encoded = bytes.toByteArray();
        return new Variant(image.getWidth(), image.getHeight(), encoded, opaque ? "image/jpeg" : "image/png",
                opaque ? "jpg" : "png", sha256(encoded));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stored size: its pixels' dimensions, encoded bytes, and their SHA-256 (its public name). */
    public record Variant(int width, int height, byte[] bytes, String contentType, String extension, String sha256) {}

    /** The upright picture's dimensions (of the largest size) and every size, smallest first. */
    public record ProcessedImage(int width, int height, List<Variant> variants) {
        public long bytes() {
            return variants.stream().mapToLong(v -> v.bytes().length).sum();
        }
    }
}
