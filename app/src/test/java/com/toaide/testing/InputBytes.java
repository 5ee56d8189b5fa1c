package com.toaide.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Raw input files for the command-line tests: bytes that need not be valid UTF-8, and line ends of every kind. */
public final class InputBytes {
    private InputBytes() {}

    public static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Every line followed by {@code end} (the last one too). */
    public static byte[] lines(List<byte[]> lines, String end) {
        var out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Hands out at most {@code chunk} bytes per read, so lines, escapes, characters and {@code \r\n} straddle reads. */
    public static InputStream trickling(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }
}
