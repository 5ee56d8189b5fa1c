package com.toaide.aides;

import java.util.UUID;

/** Stops the AI turn running on an aide, wherever it runs (the AI feature implements it; App wires it). */
@FunctionalInterface
public interface TurnInterrupts {
    TurnInterrupts NONE = (userId, aideId) -> { };

    void interrupt(UUID userId, UUID aideId);
}
