package com.toaide.ai;


/** Builds the provider that {@link AiSettings} names, for App to wire. */
public final class AiProviders {
    private AiProviders() {}

    public static AiProvider create(AiSettings ai, StreamPolicy policy) {
        return ai.provider() == AiSettings.Provider.ANTHROPIC
                ? new AnthropicProvider(ai.baseUrl(), ai.apiKey(), policy)
                : new OpenAiProvider(ai.baseUrl(), ai.apiKey(), policy);
    }

    /** The model of a tier: AIDE_MODEL_DEEP or AIDE_MODEL_FAST (both OPENAI_MODEL for a local server). */
    public static String model(AiSettings ai, Tier tier) {
        return tier == Tier.DEEP ? ai.deepModel() : ai.fastModel();
    }
}
