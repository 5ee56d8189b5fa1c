package com.toaide.ai;

import java.net.URI;

/**
 * Which model provider to call and how, as Config reads it from the environment: Anthropic's
 * Messages API, or any OpenAI-compatible server. Owned by the AI feature so that it imports
 * nothing from the app's root.
 */
public record AiSettings(Provider provider, URI baseUrl, String apiKey, String fastModel, String deepModel) {
    public enum Provider { ANTHROPIC, OPENAI }
}
