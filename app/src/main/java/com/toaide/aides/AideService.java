package com.toaide.aides;

import com.toaide.platform.db.Database;
import java.util.List;
import java.util.UUID;

/** The user's aides. Every query runs as that user, so row-level security scopes it. */
public final class AideService {
    private final Database db;

    public AideService(Database db) {
        this.db = db;
    }

    public List<AideSummary> list(UUID userId) {
        return db.asUser(userId, handle -> handle.attach(AideDao.class).listActive());
    }
}
