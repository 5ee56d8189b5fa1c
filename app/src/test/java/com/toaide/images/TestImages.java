package com.toaide.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real picture files made in the test: JPEGs carrying EXIF orientation and GPS, PNGs, a lossless
 * WebP (the JDK writes none, so its few bytes are put together here), animated GIFs, and
 * hostile ones.
 */
public final class TestImages {
    public static final Color LEFT = new Color(220, 30, 30);
    public static final Color RIGHT = new Color(30, 30, 220);

    private TestImages() {}

    /** Left half {@link #LEFT}, right half {@link #RIGHT}: which way it was turned shows. */
    public static BufferedImage halves(int width, int height, boolean alpha) {
        var image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x < width / 2 ? LEFT : RIGHT).getRGB());
            }
        }
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return write(halves(width, height, false), "jpeg");
    }

    public static byte[] png(int width, int height, boolean alpha) {
        return write(halves(width, height, alpha), "png");
    }

    /** A JPEG as a phone writes it: EXIF orientation (1-8) and a GPS position in an APP1 segment. */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = exifTiff(orientation);
        var out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        int length = 2 + 6 + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 with Orientation and a GPS IFD pointer; the GPS IFD places it at 48°51'24" N, 2°21' E. */
    private static byte[] exifTiff(int orientation) {
        var b = ByteBuffer.allocate(140);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        b.putShort((short) 4);
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(92);
        b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        b.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(116);
        b.putInt(0);
        b.putInt(48).putInt(1).putInt(51).putInt(1).putInt(2400).putInt(100);
        b.putInt(2).putInt(1).putInt(21).putInt(1).putInt(0).putInt(1);
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * A lossless WebP (VP8L) of two colours, left {@link #LEFT} and right {@link #RIGHT}: no
     * transforms, no colour cache, and "simple" prefix codes of at most two symbols per channel.
     */
    public static byte[] webp(int width, int height) {
        var bits = new BitWriter();
        bits.write(0x2f, 8);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha not used
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        simpleCode(bits, LEFT.getGreen(), RIGHT.getGreen());
        simpleCode(bits, LEFT.getRed(), RIGHT.getRed());
        simpleCode(bits, LEFT.getBlue(), RIGHT.getBlue());
        simpleCode(bits, 255, 255);
        simpleCode(bits, 0, 0); // distances: never used
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color c = x < width / 2 ? LEFT : RIGHT;
                pixelBit(bits, c.getGreen(), LEFT.getGreen(), RIGHT.getGreen());
                pixelBit(bits, c.getRed(), LEFT.getRed(), RIGHT.getRed());
                pixelBit(bits, c.getBlue(), LEFT.getBlue(), RIGHT.getBlue());
            }
        }
        byte[] vp8l = bits.bytes();
        var out = ByteBuffer.allocate(20 + vp8l.length + (vp8l.length & 1)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + vp8l.length + (vp8l.length & 1));
        out.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put("VP8L".getBytes(StandardCharsets.US_ASCII));
        out.putInt(vp8l.length).put(vp8l);
        return out.array();
    }

    private static void simpleCode(BitWriter bits, int a, int b) {
        bits.write(1, 1); // simple code
        if (a == b) {
            bits.write(0, 1); // one symbol, coded with no bits
            bits.write(1, 1); // 8-bit symbol
            bits.write(a, 8);
        } else {
            // Listed in ascending order, so the listed order and the canonical order agree.
            bits.write(1, 1); // two symbols
            bits.write(1, 1);
            bits.write(Math.min(a, b), 8);
            bits.write(Math.max(a, b), 8);
        }
    }

    /** With two symbols each is one bit, given in symbol order (canonical codes): 0 for the smaller. */
    private static void pixelBit(BitWriter bits, int value, int first, int second) {
        if (first != second) {
            bits.write(value == Math.min(first, second) ? 0 : 1, 1);
        }
    }

    /** An animated GIF: the first frame {@link #halves}, later frames plain green. */
    public static byte[] animatedGif(int width, int height, int frames) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("gif").next();
            var bytes = new ByteArrayOutputStream();
            try (var out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames; i++) {
                    BufferedImage frame = i == 0 ? halves(width, height, false) : solid(width, height, Color.GREEN);
                    var type = ImageTypeSpecifier.createFromRenderedImage(frame);
                    var metadata = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
                    String format = metadata.getNativeMetadataFormatName();
                    var root = (IIOMetadataNode) metadata.getAsTree(format);
                    var control = new IIOMetadataNode("GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("delayTime", "10");
                    control.setAttribute("transparentColorIndex", "0");
                    root.appendChild(control);
                    metadata.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PNG signature and header claiming {@code width} x {@code height}, and almost no data. */
    public static byte[] pngBomb(int width, int height) {
        var out = ByteBuffer.allocate(8 + 25 + 12 + 12 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return Arrays.copyOf(out.array(), out.position());
    }

    private static void chunk(ByteBuffer out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.putInt(data.length).put(name).put(data);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.putInt((int) crc.getValue());
    }

    public static BufferedImage solid(int width, int height, Color color) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        return image;
    }

    public static byte[] write(BufferedImage image, String format) {
        var bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Least significant bit first, as VP8L reads them. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int bits) {
            buffer |= ((long) value & ((1L << bits) - 1)) << count;
            count += bits;
            while (count >= 8) {
                out.write((int) (buffer & 0xff));
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (buffer & 0xff));
                buffer = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
