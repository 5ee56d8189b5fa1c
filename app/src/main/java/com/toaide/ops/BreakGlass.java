package com.toaide.ops;

import com.toaide.kernel.Json;
import com.toaide.kernel.Snapshot;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import com.toaide.render.Renderer;
import java.util.List;
import java.util.UUID;

/**
 * Admin break-glass (docs/operations.md): an admin sees an aide only after writing why, and
 * every access is recorded first, on the append-only {@code audit_log} (the database refuses
 * updates and deletes). The aide is shown read-only, as its published body would render.
 */
public final class BreakGlass {
    public static final int REASON_MIN = 10;
    public static final int REASON_MAX = 500;
    static final String OPEN_AIDE = "open_aide";

    private final Database db;
    private final Renderer renderer;
    private final Alerts alerts;

    /** {@code alerts} hears of every access, after it is recorded (docs/operations.md). */
    public BreakGlass(Database db, Renderer renderer, Alerts alerts) {
        this.db = db;
        this.renderer = renderer;
        this.alerts = alerts;
    }

    public boolean isAdmin(UUID userId) {
        return db.asUser(userId, handle -> handle.attach(BreakGlassDao.class).isAdmin()).orElse(false);
    }

    /** An aide opened by an admin: its id, its owner and its body's HTML (escaped by the renderer). */
    public record OpenedAide(UUID aideId, String html) {}

    /**
     * Records the access, then reads the aide. A reason outside 10–500 characters is refused
     * (400) with nothing recorded or shown; an aide that does not exist is a 404 after the
     * attempt is recorded.
     */
    public OpenedAide open(UUID adminId, String aideIdText, String reason) {
        String why = reason == null ? "" : reason.strip();
        int length = why.codePointCount(0, why.length());
        if (length < REASON_MIN || length > REASON_MAX) {
            throw new Failure.Invalid("Write why you need to open this aide, in " + REASON_MIN + " to " + REASON_MAX
                    + " characters. Nothing was opened.");
        }
        UUID aideId = parse(aideIdText);
        db.asSystem(handle -> handle.attach(BreakGlassDao.class).record(adminId, aideId, OPEN_AIDE, why));
        // Ids only: the reason may quote the user's content and stays in the audit log.
        alerts.send("Break-glass: admin " + adminId + " opened aide " + aideId + "; the reason is in the audit log (/admin).");
        String state = db.asSystem(handle -> handle.attach(BreakGlassDao.class).snapshotJson(aideId))
                .orElseThrow(Failure.NotFound::new);
        return new OpenedAide(aideId, renderer.publishedBody(Snapshot.fromJson(Json.MAPPER.readTree(state))));
    }

    public List<AuditEntry> newest(int limit) {
        return db.asSystem(handle -> handle.attach(BreakGlassDao.class).newest(limit));
    }

    static UUID parse(String aideId) {
        try {
            return UUID.fromString(aideId == null ? "" : aideId.strip());
        } catch (IllegalArgumentException e) {
            throw new Failure.NotFound();
        }
    }
}
