package com.toaide.ops;

import com.toaide.platform.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what no one needs any more: magic links a day after they expired, sessions a week
 * after they expired or were revoked (long enough to answer "was I signed out?"), and
 * rate-limit windows older than a day (the longest window is an hour).
 */
public final class Cleanup implements Job {
    private static final Logger log = LoggerFactory.getLogger(Cleanup.class);
    public static final Duration MAGIC_LINK_GRACE = Duration.ofDays(1);
    public static final Duration SESSION_GRACE = Duration.ofDays(7);
    public static final Duration RATE_WINDOW_KEEP = Duration.ofDays(1);

    private final Database db;
    private final Clock clock;

    public Cleanup(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Deleted(int magicLinks, int sessions, int rateWindows) {}

    @Override
    public String name() {
        return "cleanup";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(15);
    }

    @Override
    public void run() {
        var deleted = clean();
        log.info("Cleanup deleted {} magic links, {} sessions, {} rate-limit windows",
                deleted.magicLinks(), deleted.sessions(), deleted.rateWindows());
    }

    public Deleted clean() {
        Instant now = clock.instant();
        return db.asSystem(handle -> {
            var dao = handle.attach(CleanupDao.class);
            return new Deleted(
                    dao.deleteMagicLinksExpiredBefore(now.minus(MAGIC_LINK_GRACE)),
                    dao.deleteSessionsEndedBefore(now.minus(SESSION_GRACE)),
                    dao.deleteRateWindowsBefore(now.minus(RATE_WINDOW_KEEP)));
        });
    }
}
