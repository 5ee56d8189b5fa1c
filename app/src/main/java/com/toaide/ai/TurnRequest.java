package com.toaide.ai;

import java.util.List;

/**
 * Everything one model call needs.
 *
 * @param model the tier's model id
 * @param system the system prompt blocks ({@link Prompts#system})
 * @param tools the tools offered ({@link Tools#ALL})
 * @param messages the conversation window ending with the new user message ({@link ConversationWindow#pick})
 * @param maxTokens the output token limit
 * @param temperature 0 for AIde turns
 */
public record TurnRequest(String model, List<SystemBlock> system, List<ToolDefinition> tools, List<Message> messages,
        int maxTokens, double temperature) {
    /** Enough for a first turn that builds a page of about 30 entities. */
    public static final int DEFAULT_MAX_TOKENS = 8192;

    public TurnRequest {
        system = List.copyOf(system);
        tools = List.copyOf(tools);
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a turn needs at least the user's message");
        }
    }

    /** A turn with AIde's settings: temperature 0 and {@link #DEFAULT_MAX_TOKENS}. */
    public static TurnRequest of(String model, List<SystemBlock> system, List<ToolDefinition> tools, List<Message> messages) {
        return new TurnRequest(model, system, tools, messages, DEFAULT_MAX_TOKENS, 0.0);
    }
}
