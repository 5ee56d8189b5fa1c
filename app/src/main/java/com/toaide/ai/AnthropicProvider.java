package com.toaide.ai;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * Anthropic's Messages API, streamed: {@code POST {ANTHROPIC_BASE_URL}/v1/messages} with
 * {@code stream: true} (wire format in {@link AnthropicWire}). The static system block and
 * the tool list are marked for prompt caching; the snapshot block is not.
 */
public final class AnthropicProvider implements AiProvider {
    private final AnthropicWire wire;
    private final StreamingCalls calls;

    public AnthropicProvider(URI baseUrl, String apiKey, StreamPolicy policy) {
        this(baseUrl, apiKey, policy, StreamingCalls.clientFor(baseUrl));
    }

    public AnthropicProvider(URI baseUrl, String apiKey, StreamPolicy policy, HttpClient http) {
        this.wire = new AnthropicWire(StreamingCalls.resolve(baseUrl, "/v1/messages"), apiKey);
        this.calls = new StreamingCalls(http, policy);
    }

    @Override
    public TurnStream stream(TurnRequest request, TurnListener listener) {
        return calls.start(wire, request, listener);
    }
}
