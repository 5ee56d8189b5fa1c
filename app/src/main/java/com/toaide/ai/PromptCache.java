package com.toaide.ai;

import java.util.List;
import java.util.Map;

/**
 * Whether a tier's cached prefix (its tools, then its instructions: the part marked with
 * {@code cache_control}) is long enough for its model to cache at all. Anthropic caches
 * nothing below a per-model minimum, silently: the mark then saves nothing. The instructions
 * are written so that both default tiers clear their model's minimum by a low estimate,
 * and a test holds them to it; the eval prints the figures for the configured models.
 */
public final class PromptCache {
    /** Anthropic's documented minimum cacheable prefix in tokens, by model id prefix. */
    static final Map<String, Integer> MINIMUM_TOKENS = Map.of(
            "claude-haiku-4-5", 4096,
            "claude-opus-4-5", 4096,
            "claude-sonnet-4-5", 1024,
            "claude-sonnet-4", 1024,
            "claude-opus-4-1", 1024,
            "claude-3-5-haiku", 2048);
    /** Prose in English runs about 4 characters a token; ids and JSON fewer. 4 keeps the estimate low, never high. */
    static final int CHARS_PER_TOKEN = 4;

    private PromptCache() {}

    /** The smallest prefix the model caches, or 0 when it is not a listed model (nothing to check). */
    public static int minimumTokens(String model) {
        String best = null;
        for (String listed : MINIMUM_TOKENS.keySet()) {
            if ((model.equals(listed) || model.startsWith(listed + "-")) && (best == null || listed.length() > best.length())) {
                best = listed;
            }
        }
        return best == null ? 0 : MINIMUM_TOKENS.get(best);
    }

    /** A low estimate of the cached prefix of a tier: its tool definitions and its instructions. */
    public static int prefixTokens(Prompts prompts, Tier tier) {
        int chars = prompts.instructions(tier).length();
        List<ToolDefinition> tools = Tools.forTier(tier);
        for (ToolDefinition tool : tools) {
            chars += tool.name().length() + tool.description().length() + tool.inputSchema().toString().length();
        }
        return chars / CHARS_PER_TOKEN;
    }
}
