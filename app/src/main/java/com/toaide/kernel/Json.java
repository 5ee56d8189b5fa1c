package com.toaide.kernel;

import tools.jackson.databind.json.JsonMapper;

/**
 * The app's one JSON mapper: stored events, HTTP answers (Javalin is configured with it),
 * live frames and adapters' wire formats all read and write through it. It lives in the kernel
 * because the kernel is the one package every other may import while importing nothing of
 * theirs. Jackson's defaults, unchanged: the event log's stored form depends on them.
 * A JsonMapper is immutable and safe to share between threads.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
