package com.toaide.render;

import gg.jte.output.StringOutput;

/**
 * A template output that stops once it has taken {@link Renderer#MAX_PAGE_CHARS}: a stored aide,
 * whatever events built it, can then never make one render hold more than the cap. Counting
 * here, as the templates write, costs one addition per write, where measuring the finished
 * string would already have built it.
 */
final class CappedOutput extends StringOutput {

    /** Thrown past the cap; without a stack trace, as it is expected and caught by the renderer. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("rendered page over " + Renderer.MAX_PAGE_CHARS + " characters", null, false, false);
        }
    }

    private final int cap;
    private long written;

    CappedOutput(int capacity, int cap) {
        super(Math.min(capacity, cap));
        this.cap = cap;
    }

    @Override
    public void writeContent(String value) {
        count(value.length());
        super.writeContent(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        count(endIndex - beginIndex);
        super.writeContent(value, beginIndex, endIndex);
    }

    // Numbers the templates write directly are a few characters each, always beside markup
    // that is counted; they are left uncounted rather than converted to text twice.

    private void count(int chars) {
        written += chars;
        if (written > cap) {
            throw new TooLarge();
        }
    }
}
