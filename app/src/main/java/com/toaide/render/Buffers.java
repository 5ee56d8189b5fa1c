package com.toaide.render;

/**
 * The builders renders write into, one kept per thread and used again: every render used to
 * allocate and zero a buffer sized for the whole page (some 24,000 characters for 85 entities,
 * more in the editor, even for a live patch of one entity), a twentieth of a document's time
 * (docs/performance.md). What a render returns is copied out, so nothing handed out shares a kept
 * builder. A builder grown past {@link #KEPT} characters is left to the collector, so a thread
 * keeps at most that much; a render that finds its thread's builder taken gets a new one.
 */
final class Buffers {
    static final int KEPT = 1 << 16;

    private final ThreadLocal<StringBuilder> kept = new ThreadLocal<>();

    /**
     * An empty builder with room for {@code expected} characters, this thread's own until
     * {@link #giveBack}: the kept one if it is that large, else a new one of that size (growing
     * a builder copies all it holds).
     */
    StringBuilder take(int expected) {
        StringBuilder builder = kept.get();
        if (builder == null || builder.capacity() < expected) {
            return new StringBuilder(expected);
        }
        kept.set(null);
        builder.setLength(0);
        return builder;
    }

    void giveBack(StringBuilder builder) {
        if (builder.capacity() <= KEPT) {
            kept.set(builder);
        }
    }
}
