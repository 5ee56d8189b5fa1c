package com.toaide.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded model streams in test resources ({@code ai/transcripts/*.sse}). */
final class Transcripts {
    private Transcripts() {}

    static byte[] bytes(String name) {
        String path = "/ai/transcripts/" + name;
        try (InputStream in = Transcripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
