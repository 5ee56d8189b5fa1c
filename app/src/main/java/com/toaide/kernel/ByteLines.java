package com.toaide.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link Lines} over UTF-8 bytes: the lines split where {@link java.io.BufferedReader#readLine}
 * splits the decoded text ({@code \n}, {@code \r} or {@code \r\n}: in UTF-8 those bytes are never
 * part of another character, and a malformed sequence never takes them in), each handed out as a
 * range of one reused buffer. The replay command parses and writes a plain line as bytes, without
 * decoding it to characters and encoding the output back (a tenth of its time).
 */
public final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int filled;
    /** Where the bytes not yet handed out start. */
    private int unread;
    private int start;
    private int end;
    /** The last line ended at a {@code \r}: a {@code \n} right after it belongs to it. */
    private boolean skipLineFeed;
    /** See {@link #isPlainAscii()}; found while looking for the line's end. */
    private boolean plain;
    /** The decoder an {@code InputStreamReader} of UTF-8 has. */
    private final CharsetDecoder replacing = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Called before a read that may wait (the input has nothing available): a caller holding output writes it out. */
    private final BeforeWaiting beforeWaiting;

    @FunctionalInterface
    public interface BeforeWaiting {
        void run() throws IOException;
    }

    public ByteLines(InputStream in) {
        this(in, () -> {});
    }

    public ByteLines(InputStream in, BeforeWaiting beforeWaiting) {
        this.in = in;
        this.beforeWaiting = beforeWaiting;
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        if (skipLineFeed) {
            skipLineFeed = false;
            if (unread == filled && !fill()) {
                return false;
            }
            if (buffer[unread] == '\n') {
                unread++;
            }
        }
        plain = true;
        int i = unread;
        while (true) {
            byte[] b = buffer;
            for (; i < filled; i++) {
                // Eight common bytes (printable ASCII other than a backslash) at a time, then one
                // at a time where one of them is not: the line's end and whatever makes it not
                // plain are found behind that test. A snapshot line is some 10 KB.
                while (i + 8 <= filled && ordinary((long) LONGS.get(b, i))) {
                    i += 8;
                }
                if (i == filled) {
                    break;
                }
                int c = b[i];
                if (c >= 0x20 && c < 0x7f && c != '\\') {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    start = unread;
                    end = i;
                    unread = i + 1;
                    skipLineFeed = c == '\r';
                    return true;
                }
                if (c == '\\') {
                    plain &= !isSurrogateEscape(b, i);
                } else if (c != '\t') {
                    plain = false; // a control character, DEL, or a byte of a character beyond ASCII
                }
            }
            int moved = unread;
            if (!fill()) {
                if (unread == filled) {
                    return false;
                }
                start = unread;
                end = filled;
                unread = filled;
                return true;
            }
            i -= moved;
        }
    }

    /**
     * Whether the backslash at {@code i} starts {@code \}{@code u} and a hex number from D800 up,
     * which could be half of a surrogate pair (an escaped backslash before a {@code u} counts too:
     * such a line only takes the longer way). The escape may run past the line's end, where the
     * next byte is a line break and no such escape can be made, or past the bytes read so far,
     * where it is counted as one.
     */
    private boolean isSurrogateEscape(byte[] b, int i) {
        if (i + 3 >= filled) {
            return true; // not read yet: counted as one
        }
        return b[i + 1] == 'u' && (b[i + 2] | 0x20) == 'd' && isHexFrom8(b[i + 3]);
    }

    /** Moves the unread bytes to the front (growing the buffer when one line fills it) and reads more; false at the end. */
    private boolean fill() throws IOException {
        int length = filled - unread;
        if (unread > 0) {
            System.arraycopy(buffer, unread, buffer, 0, length);
        } else if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        unread = 0;
        filled = length;
        if (in.available() == 0) {
            beforeWaiting.run();
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            return false;
        }
        filled += read;
        return true;
    }

    /** The buffer holding the current line, valid until the next call to {@link #next()}. */
    public byte[] bytes() {
        return buffer;
    }

    public int start() {
        return start;
    }

    public int length() {
        return end - start;
    }

    /**
     * Whether the line is printable ASCII (or tab) only, with no {@code \}{@code u} escape that
     * could stand for half of a surrogate pair. Such a line reads the same as bytes and as
     * characters, and whatever it makes is written the same by a byte and a character generator;
     * any other line is decoded and taken as text (a byte order mark, control characters that
     * Jackson's byte reader takes for another encoding, lone surrogates that an encoder turns into
     * {@code ?} but a byte generator writes as three bytes).
     */
    public boolean isPlainAscii() {
        return plain;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Whether each of the eight bytes in {@code x} is printable ASCII other than a backslash
     * (0x20 to 0x7e, not 0x5c), with the word tests of "Bit Twiddling Hacks": a byte under 0x20,
     * a byte over 0x7e, a byte equal to 0x5c. Each test may mark more bytes than the one it found,
     * never a word where it found none.
     */
    private static boolean ordinary(long x) {
        long under20 = (x - 0x20 * ONES) & ~x;
        long over7e = (x + ONES) | x;
        long notBackslash = x ^ (0x5c * ONES);
        long backslash = (notBackslash - ONES) & ~notBackslash;
        return ((under20 | over7e | backslash) & HIGH_BITS) == 0;
    }

    private static boolean isHexFrom8(byte b) {
        return b == '8' || b == '9' || (b | 0x20) >= 'a' && (b | 0x20) <= 'f';
    }

    /** As {@link String#isBlank()} of a plain line ({@link #isPlainAscii()}). */
    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace((char) buffer[i])) {
                return false;
            }
        }
        return true;
    }

    /** The line decoded as an {@link java.io.InputStreamReader} decodes it (a malformed sequence becomes U+FFFD). */
    public String text() {
        try {
            return replacing.decode(ByteBuffer.wrap(buffer, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported " + e, e);
        }
    }

    /**
     * Whether the rest of {@code in} is well-formed UTF-8 as the JDK's decoder judges it (which a
     * file read through {@code Files.newBufferedReader} must be, or the reading stops): a caller
     * that reads a file twice checks this first and takes the text path when it is not.
     */
    public static boolean isUtf8(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input, as Files.newBufferedReader's does
        var chars = CharBuffer.allocate(1 << 16);
        byte[] chunk = new byte[1 << 16];
        var bytes = ByteBuffer.wrap(chunk);
        bytes.limit(0);
        while (true) {
            bytes.compact();
            int read = in.read(chunk, bytes.position(), chunk.length - bytes.position());
            bytes.limit(read < 0 ? bytes.position() : bytes.position() + read);
            bytes.position(0);
            if (read >= 0 && isAscii(chunk, 0, bytes.limit())) {
                bytes.position(bytes.limit()); // nothing pending: ASCII always decodes
                continue;
            }
            while (true) {
                chars.clear();
                var result = decoder.decode(bytes, chars, read < 0);
                if (result.isError()) {
                    return false;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (read < 0) {
                chars.clear();
                return !decoder.flush(chars).isError();
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Eight bytes at a time: this reads the whole file before the command starts. */
    private static boolean isAscii(byte[] bytes, int from, int to) {
        long all = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            all |= (long) LONGS.get(bytes, i);
        }
        for (; i < to; i++) {
            all |= bytes[i];
        }
        return (all & 0x8080808080808080L) == 0;
    }
}
