package com.toaide.images;

import java.util.Optional;

/** The picture formats an upload may be, told apart by their first bytes (never by the file name). */
enum ImageFormat {
    JPEG, PNG, GIF, WEBP;

    static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, "GIF87a".getBytes()) || startsWith(b, 0, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 0, "RIFF".getBytes()) && startsWith(b, 8, "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The ImageIO format name of its reader. */
    String readerName() {
        return name().toLowerCase();
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
