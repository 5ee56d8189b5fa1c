package com.toaide.aides;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Frames that are not page changes (turn progress, voice lines) travel to every instance on
 * the same NOTIFY channel as the change notices, so a tab sees a turn's voice lines and its
 * patches in the order they were committed. Payload: {@code <aide id> <frame json>}; a change
 * notice's second token is a number, a frame's starts with a brace.
 */
public final class TurnFrames {
    /** The channel of {@link ChangeNotice}s; a frame sent here reaches every instance's tabs. */
    public static final String CHANNEL = "aide_changes";
    /** Postgres refuses NOTIFY payloads of 8000 bytes or more. */
    public static final int MAX_PAYLOAD_BYTES = 7_900;

    private TurnFrames() {}

    /** The payload for one frame, or empty when it is too long for NOTIFY. */
    public static Optional<String> payload(UUID aideId, String frameJson) {
        String payload = aideId + " " + frameJson;
        return payload.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD_BYTES ? Optional.of(payload) : Optional.empty();
    }

    record Frame(UUID aideId, String json) {}

    static Optional<Frame> parse(String payload) {
        int space = payload.indexOf(' ');
        if (space != 36 || payload.length() < 38 || payload.charAt(37) != '{') {
            return Optional.empty();
        }
        try {
            return Optional.of(new Frame(UUID.fromString(payload.substring(0, space)), payload.substring(space + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
