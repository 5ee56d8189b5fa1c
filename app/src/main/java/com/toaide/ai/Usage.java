package com.toaide.ai;

/**
 * Token counts of one model call. {@code inputTokens} excludes the cached parts, as in
 * Anthropic's usage; an OpenAI-compatible server's cached prompt tokens are moved from
 * input to {@code cacheReadTokens} so the two read the same.
 */
public record Usage(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheWriteTokens + other.cacheWriteTokens, cacheReadTokens + other.cacheReadTokens);
    }
}
