package com.toaide.render;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The render command's lines on the byte path, {@code {"<key>":"<value>"}} and a newline in
 * UTF-8: byte for byte what Jackson's generator writes for them (JsonLineWriterTest compares
 * every character) in less time: a page's HTML is most of each line, and the generator copied it
 * into segments and looked each character up in its escape table. One per thread, writing each
 * line into the buffer it is given.
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
     * The string's bytes, escaped. A string of characters under U+0100 (a page of Latin script,
     * which the JDK keeps one byte per character) is copied out as such and its bytes from 0x80
     * up written as two; any other is encoded by the JDK (which writes {@code ?} for a lone
     * surrogate), taking a third of this writer's time for a 7 KB page. Either way only bytes
     * under 0x80 need escaping, and eight bytes are copied at a time where none needs a look.
     */
    private void string(String s) {
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        if (isLatin1(s, latin1)) {
            escaped(latin1, true);
        } else {
            escaped(s.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    /** Whether {@code bytes}, {@code s} in ISO-8859-1, is all of it: the encoder writes {@code ?} for any character it lacks. */
    private static boolean isLatin1(String s, byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long question = (long) LONGS.get(bytes, i) ^ ('?' * ONES);
            if ((((question - ONES) & ~question) & HIGH_BITS) != 0 && !sameQuestionMarks(s, bytes, i, i + 8)) {
                return false;
            }
        }
        return sameQuestionMarks(s, bytes, i, n);
    }

    private static boolean sameQuestionMarks(String s, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '?' && s.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code bytes} escaped; {@code latin1}: a byte from 0x80 up is a character, written as two bytes of UTF-8. */
    private void escaped(byte[] bytes, boolean latin1) {
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            if (buffer.length - used < 8 * WIDEST) {
                drain();
            }
            byte[] b = buffer;
            int u = used;
            // Bytes that fit whatever they hold: none takes more than WIDEST.
            int end = Math.min(n, i + (b.length - u) / WIDEST);
            while (i + 8 <= end) {
                long word = (long) LONGS.get(bytes, i);
                if (needsLook(word, latin1)) {
                    for (int stop = i + 8; i < stop; i++) {
                        u = put(bytes[i], b, u, latin1);
                    }
                } else {
                    LONGS.set(b, u, word);
                    u += 8;
                    i += 8;
                }
            }
            for (; i < end; i++) {
                u = put(bytes[i], b, u, latin1);
            }
            used = u;
        }
    }

    private static int put(byte c, byte[] b, int u, boolean latin1) {
        if (c < 0 && latin1) {
            b[u] = (byte) (0xC0 | (c & 0xFF) >> 6);
            b[u + 1] = (byte) (0x80 | c & 0x3F);
            return u + 2;
        }
        if (c >= 0 && (c < 0x20 || c == '"' || c == '\\')) {
            return escape((char) c, b, u);
        }
        b[u] = c;
        return u + 1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Whether one of the eight bytes in {@code x} is under 0x20, a quote or a backslash, or (for
     * {@code latin1}) 0x80 or over: the word tests of "Bit Twiddling Hacks", which may mark more
     * bytes than the one they found, never a word where there is none.
     */
    private static boolean needsLook(long x, boolean latin1) {
        long quote = x ^ ('"' * ONES);
        long backslash = x ^ ('\\' * ONES);
        long marked = (x - 0x20 * ONES) & ~x | (quote - ONES) & ~quote | (backslash - ONES) & ~backslash;
        return ((latin1 ? marked | x : marked) & HIGH_BITS) != 0;
    }


    /** The generator's escapes: the short ones JSON has, {@code \\}{@code u00XX} for any other control character. */
    private static int escape(char c, byte[] b, int u) {
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
            return u;
        }
        b[u++] = 'u';
        b[u++] = '0';
        b[u++] = '0';
        b[u++] = HEX[c >> 4];
        b[u++] = HEX[c & 0xF];
        return u;
    }
}
