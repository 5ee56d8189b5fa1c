package com.toaide.ai;

/** One server-sent event: its {@code event:} name ("message" when none was given) and its data lines joined by newlines. */
record SseEvent(String name, String data) {}
