package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AiProvidersTest {

    @Test
    void the_configured_provider_and_tier_models_are_used() {
        AiSettings anthropic = new AiSettings(AiSettings.Provider.ANTHROPIC, URI.create("https://api.anthropic.com"), "k",
                "claude-haiku-4-5", "claude-sonnet-4-5");
        AiSettings local = new AiSettings(AiSettings.Provider.OPENAI, URI.create("http://127.0.0.1:11434/v1"), "",
                "qwen2.5", "qwen2.5");

        assertThat(AiProviders.create(anthropic, StreamPolicy.DEFAULT)).isInstanceOf(AnthropicProvider.class);
        assertThat(AiProviders.create(local, StreamPolicy.DEFAULT)).isInstanceOf(OpenAiProvider.class);
        assertThat(AiProviders.model(anthropic, Tier.DEEP)).isEqualTo("claude-sonnet-4-5");
        assertThat(AiProviders.model(anthropic, Tier.FAST)).isEqualTo("claude-haiku-4-5");
    }
}
