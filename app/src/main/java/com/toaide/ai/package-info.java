/**
 * The provider layer of AIde's AI: everything from a user's message to a stream of parsed
 * tool calls, voice lines and token counts (ai.md; design in docs/ai.md).
 *
 * <p>Owns: the {@link com.toaide.ai.AiProvider} port and its two adapters
 * ({@link com.toaide.ai.AnthropicProvider}, {@link com.toaide.ai.OpenAiProvider}) over
 * {@code java.net.http} with their time limits and retries; the three
 * {@link com.toaide.ai.Tools} and their {@link com.toaide.ai.ToolMapping} to kernel events;
 * the versioned {@link com.toaide.ai.Prompts}; tier choice ({@link com.toaide.ai.TierClassifier},
 * {@link com.toaide.ai.Escalation}); {@link com.toaide.ai.VoiceRules};
 * {@link com.toaide.ai.ConversationWindow}; the {@link com.toaide.ai.PriceTable}.
 *
 * <p>The orchestrator (turn routes, persistence, live channel, turn limits) builds on this
 * and lives here too, later. May import the kernel, Jackson, slf4j and the JDK; no
 * framework, no database.
 */
package com.toaide.ai;
