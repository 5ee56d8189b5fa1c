package com.toaide.ai;

import com.toaide.aides.TurnFrames;
import com.toaide.kernel.Json;
import com.toaide.platform.db.Notices;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A turn's frames for the live channel (start, voice, error, end), sent through NOTIFY once the
 * turn's transaction commits: by the same {@link Notices} as the page changes, so a voice line
 * reaches the tab after the changes it describes.
 */
final class LiveTurnFrames {
    private static final Logger log = LoggerFactory.getLogger(LiveTurnFrames.class);
    /** Longer chat lines are cut in the frame and the record. */
    private static final int MAX_LINE = 2_000;

    private LiveTurnFrames() {}

    static ObjectNode of(String type, UUID turnId) {
        return Json.MAPPER.createObjectNode().put("type", type).put("turn", turnId.toString());
    }

    static void send(Handle handle, Notices notices, UUID aideId, ObjectNode frame) {
        TurnFrames.payload(aideId, frame.toString()).ifPresentOrElse(
                payload -> handle.afterCommit(() -> notices.send(TurnFrames.CHANNEL, payload)),
                () -> log.warn("A {} frame was too long for NOTIFY and was not sent", frame.path("type").asString()));
    }

    static String clip(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 1) + "…";
    }
}
