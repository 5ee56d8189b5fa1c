package com.toaide.kernel;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The lines of a text, split where {@link java.io.BufferedReader#readLine} splits them (at
 * {@code \n}, {@code \r} or {@code \r\n}), each handed out as a range of one reused buffer: the
 * batch commands read tens of megabytes of long lines, and building a string for each through a
 * {@code StringBuilder} was a tenth of their time.
 */
public final class Lines {
    private final Reader in;
    private char[] buffer = new char[1 << 16];
    private int filled;
    /** Where the text not yet handed out starts. */
    private int unread;
    private int start;
    private int end;
    /** The last line ended at a {@code \r}: a {@code \n} right after it belongs to it. */
    private boolean skipLineFeed;

    public Lines(Reader in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the text. */
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
        int i = unread;
        while (true) {
            for (; i < filled; i++) {
                char c = buffer[i];
                if (c == '\n' || c == '\r') {
                    start = unread;
                    end = i;
                    unread = i + 1;
                    skipLineFeed = c == '\r';
                    return true;
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

    /** Moves the unread text to the front (growing the buffer when one line fills it) and reads more; false at the end. */
    private boolean fill() throws IOException {
        int length = filled - unread;
        if (unread > 0) {
            System.arraycopy(buffer, unread, buffer, 0, length);
        } else if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        unread = 0;
        filled = length;
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            return false;
        }
        filled += read;
        return true;
    }

    /** The buffer holding the current line, valid until the next call to {@link #next()}. */
    public char[] chars() {
        return buffer;
    }

    public int start() {
        return start;
    }

    public int length() {
        return end - start;
    }

    /** As {@link String#isBlank()} of the line. */
    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    public String text() {
        return new String(buffer, start, end - start);
    }
}
