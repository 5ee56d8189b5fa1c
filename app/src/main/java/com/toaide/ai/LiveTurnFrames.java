package com.toaide.ai;

import com.toaide.aides.TurnFrames;
import com.toaide.kernel.Json;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** A turn's frames for the live channel (start, voice, error, end), sent through NOTIFY in the turn's transaction. */
final class LiveTurnFrames {
    private static final Logger log = LoggerFactory.getLogger(LiveTurnFrames.class);
    /** Longer chat lines are cut in the frame and the record. */
    private static final int MAX_LINE = 2_000;

    private LiveTurnFrames() {}

    static ObjectNode of(String type, UUID turnId) {
        return Json.MAPPER.createObjectNode().put("type", type).put("turn", turnId.toString());
    }

    static void send(TurnDao dao, UUID aideId, ObjectNode frame) {
        TurnFrames.payload(aideId, frame.toString()).ifPresentOrElse(
                payload -> dao.notify(TurnFrames.CHANNEL, payload),
                () -> log.warn("A {} frame was too long for NOTIFY and was not sent", frame.path("type").asString()));
    }

    static String clip(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 1) + "…";
    }
}
