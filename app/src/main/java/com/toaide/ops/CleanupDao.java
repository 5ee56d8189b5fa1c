package com.toaide.ops;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface CleanupDao {
    @SqlUpdate("delete from magic_links where expires_at < :before")
    int deleteMagicLinksExpiredBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from sessions where expires_at < :before or revoked_at < :before")
    int deleteSessionsEndedBefore(@Bind("before") Instant before);

    @SqlUpdate("delete from rate_limits where window_start < :before")
    int deleteRateWindowsBefore(@Bind("before") Instant before);
}
