package com.toaide.render;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The render command's lines on the byte path, {@code {"<key>":"<value>"}} and a newline in
 * UTF-8: byte for byte what Jackson's generator writes for them (JsonLineWriterTest compares
 * every character) in less time. A page's HTML is most of each line, and the
 * generator copied it into segments and looked each character up in its escape table.
 *
 * <p>Surrogates: a pair is written as its four-byte character; a lone one, which no line that
 * takes the byte path can make, as {@code ?}, what the text path's encoder writes for it.
 */
final class JsonLineWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** The longest escape: {@code \}{@code u001F}. */
    private static final int WIDEST = 6;

    private final byte[] buffer = new byte[1 << 15];
    private int used;
    private ByteArrayOutputStream out;

    /** Writes one line to {@code out}. */
    void line(String key, String value, ByteArrayOutputStream out) {
        this.out = out;
        ascii("{\"");
        string(key);
        ascii("\":\"");
        string(value);
        ascii("\"}\n");
        drain();
        this.out = null;
    }

    private void drain() {
        out.write(buffer, 0, used);
        used = 0;
    }

    private void ascii(String s) {
        if (buffer.length - used < s.length()) {
            drain();
        }
        for (int i = 0; i < s.length(); i++) {
            buffer[used++] = (byte) s.charAt(i);
        }
    }

    /**
     * The string encoded (the JDK's encoder, quick for ASCII and writing {@code ?} for a lone
     * surrogate), then escaped: in UTF-8 every byte of a character beyond ASCII is 0x80 or over, so
     * only single bytes need escaping, and the runs between them are copied whole.
     */
    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        int run = 0;
        int i = 0;
        while (i < n) {
            while (i + 8 <= n && !hasEscape((long) LONGS.get(utf8, i))) {
                i += 8;
            }
            int stop = Math.min(n, i + 8);
            for (; i < stop; i++) {
                byte c = utf8[i];
                if (c >= 0 && (c < 0x20 || c == '"' || c == '\\')) {
                    copy(utf8, run, i - run);
                    escape((char) c);
                    run = i + 1;
                }
            }
        }
        copy(utf8, run, n - run);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Whether one of the eight bytes in {@code x} is under 0x20, a quote or a backslash (the word
     * tests of "Bit Twiddling Hacks"; a byte of 0x80 or over is never one of them). A test may
     * mark more bytes than the one it found, never a word where there is none.
     */
    private static boolean hasEscape(long x) {
        long quote = x ^ ('"' * ONES);
        long backslash = x ^ ('\\' * ONES);
        return (((x - 0x20 * ONES) & ~x | (quote - ONES) & ~quote | (backslash - ONES) & ~backslash) & HIGH_BITS) != 0;
    }

    private void copy(byte[] bytes, int from, int length) {
        while (length > buffer.length - used) {
            int part = buffer.length - used;
            System.arraycopy(bytes, from, buffer, used, part);
            used += part;
            from += part;
            length -= part;
            drain();
        }
        System.arraycopy(bytes, from, buffer, used, length);
        used += length;
    }

    /** The generator's escapes: the short ones JSON has, {@code \\}{@code u00XX} for any other control character. */
    private void escape(char c) {
        if (buffer.length - used < WIDEST) {
            drain();
        }
        byte[] b = buffer;
        int u = used;
        b[u++] = '\\';
        char letter = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (letter != 0) {
            b[u++] = (byte) letter;
        } else {
            b[u++] = 'u';
            b[u++] = '0';
            b[u++] = '0';
            b[u++] = HEX[c >> 4];
            b[u++] = HEX[c & 0xF];
        }
        used = u;
    }
}
