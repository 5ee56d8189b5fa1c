package com.toaide.ai;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * Any OpenAI-compatible chat completions server, streamed with tools:
 * {@code POST {OPENAI_BASE_URL}/chat/completions} (the base URL includes {@code /v1}, as
 * OpenAI, llama.cpp's server, Ollama and vLLM expect). The key is optional: a local server
 * usually needs none. Wire format in {@link OpenAiWire}.
 */
public final class OpenAiProvider implements AiProvider {
    private final OpenAiWire wire;
    private final StreamingCalls calls;

    /** @param apiKey sent as a bearer token; empty or null to send none */
    public OpenAiProvider(URI baseUrl, String apiKey, StreamPolicy policy) {
        this(baseUrl, apiKey, policy, StreamingCalls.clientFor(baseUrl));
    }

    public OpenAiProvider(URI baseUrl, String apiKey, StreamPolicy policy, HttpClient http) {
        this.wire = new OpenAiWire(StreamingCalls.resolve(baseUrl, "/chat/completions"), apiKey);
        this.calls = new StreamingCalls(http, policy);
    }

    @Override
    public TurnStream stream(TurnRequest request, TurnListener listener) {
        return calls.start(wire, request, listener);
    }
}
