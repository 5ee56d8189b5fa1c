package com.toaide.auth;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface SessionDao {
    @SqlQuery("""
            insert into sessions (user_id, expires_at)
            values (:userId, :expiresAt)
            returning id
            """)
    UUID create(@Bind("userId") UUID userId, @Bind("expiresAt") Instant expiresAt);

    @SqlUpdate("update sessions set last_seen_at = now(), expires_at = :expiresAt where id = :id and revoked_at is null")
    int renew(@Bind("id") UUID id, @Bind("expiresAt") Instant renewedUntil);

    @SqlUpdate("update sessions set revoked_at = now() where id = :id and revoked_at is null")
    int revoke(@Bind("id") UUID id);

    @SqlUpdate("update sessions set revoked_at = now() where user_id = :userId and revoked_at is null")
    int revokeAll(@Bind("userId") UUID userId);

    /** Delivered to every instance when the transaction commits. */
    @SqlQuery("select pg_notify('" + SessionService.REVOKED_CHANNEL + "', :payload) is null")
    boolean announceRevoked(@Bind("payload") String payload);
}
