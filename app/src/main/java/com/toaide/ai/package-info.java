/**
 * The provider layer of AIde's AI: everything from a user's message to a stream of parsed
 * tool calls, voice lines and token counts (design in docs/ai.md).
 *
 * <p>Owns: the {@link com.toaide.ai.AiProvider} port and its two adapters
 * ({@link com.toaide.ai.AnthropicProvider}, {@link com.toaide.ai.OpenAiProvider}) over
 * {@code java.net.http} with their time limits and retries; the three
 * {@link com.toaide.ai.Tools} and their {@link com.toaide.ai.ToolMapping} to kernel events;
 * the versioned {@link com.toaide.ai.Prompts}; tier choice ({@link com.toaide.ai.TierClassifier},
 * {@link com.toaide.ai.Escalation}); {@link com.toaide.ai.VoiceRules};
 * {@link com.toaide.ai.ConversationWindow}; the {@link com.toaide.ai.PriceTable}.
 *
 * <p>And the orchestrator: {@link com.toaide.ai.TurnService} (limits, the turn record, the
 * worker that runs a call and applies each tool call through the aides feature's
 * {@code EditService}, frames and interrupts through Postgres NOTIFY), its
 * {@link com.toaide.ai.TurnRoutes} and its package-private {@code TurnDao} (turns,
 * conversations, the user's weekly count). The provider layer itself uses no framework and no
 * database; the orchestrator may use the platform and other features' services.
 */
package com.toaide.ai;
