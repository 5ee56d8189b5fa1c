package com.toaide.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Whether a session is live, in plain JDBC: every signed-in user's requests ask once a minute
 * per instance ({@link LiveSessions#TRUST_NANOS}), so it is on the hot path, where attaching a
 * Jdbi SQL object costs more than the query (docs/performance.md). The rest of sessions' SQL
 * is in {@link SessionDao}.
 */
final class LiveSessionDao {
    private static final String LIVE = """
            select user_id, expires_at from sessions
             where id = ? and revoked_at is null and expires_at > now()
            """;

    record LiveSession(UUID userId, Instant expiresAt) {}

    private final Connection connection;

    LiveSessionDao(Handle handle) {
        this.connection = handle.getConnection();
    }

    /** The session's user and expiry when it is live (not revoked, not expired). */
    Optional<LiveSession> live(UUID sessionId) {
        try (var statement = connection.prepareStatement(LIVE)) {
            statement.setObject(1, sessionId);
            try (var row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new LiveSession(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
