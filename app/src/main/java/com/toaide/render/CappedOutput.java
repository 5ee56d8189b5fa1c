package com.toaide.render;

import gg.jte.TemplateOutput;

/**
 * The published document's output, which stops once it holds {@link Renderer#MAX_PAGE_CHARS}:
 * a stored aide, whatever events built it, can then never make one render hold more than the
 * cap. The document template writes through it; the entity markup, written before by
 * {@link PageWriter}, is put in its place afterwards.
 */
final class CappedOutput implements TemplateOutput {

    /** Thrown past the cap; without a stack trace, as it is expected and caught by the renderer. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("rendered page over " + Renderer.MAX_PAGE_CHARS + " characters", null, false, false);
        }
    }

    private final StringBuilder out;
    private final int cap;

    /** Writes into {@code out}, which the caller owns. */
    CappedOutput(StringBuilder out, int cap) {
        this.out = out;
        this.cap = cap;
    }

    @Override
    public void writeContent(String value) {
        out.append(value);
        check();
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.append(value, beginIndex, endIndex);
        check();
    }

    int length() {
        return out.length();
    }

    // Numbers the template writes go through the defaults, which call writeContent.

    private void check() {
        if (out.length() > cap) {
            throw new TooLarge();
        }
    }

    /** Characters {@code from} to {@code to} of what was written, without copying the rest first. */
    String substring(int from, int to) {
        return out.substring(from, to);
    }

    /** Appends what was written from {@code from} on to {@code page}. */
    void appendTo(StringBuilder page, int from) {
        page.append(out, from, out.length());
    }
}
