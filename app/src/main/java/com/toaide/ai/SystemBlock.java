package com.toaide.ai;

/**
 * One block of the system prompt.
 *
 * @param cached whether the provider should cache everything up to this block
 *     (Anthropic's {@code cache_control}); true for the static instructions, false for the snapshot
 */
public record SystemBlock(String text, boolean cached) {}
