package com.toaide.aides;

import java.util.List;
import java.util.UUID;

/** The chat beside the page as the editor first draws it (the AI feature answers it; App wires it). */
@FunctionalInterface
public interface EditorChat {
    /** One row of the conversation: {@code user}, {@code voice} or {@code notice}. */
    record Line(String role, String text) {}

    /** @param turnsLeft null when there is no weekly limit (Pro) */
    record State(List<Line> lines, Integer turnsLeft, boolean running) {}

    State of(UUID userId, UUID aideId);
}
