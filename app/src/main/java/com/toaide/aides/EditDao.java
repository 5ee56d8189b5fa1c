package com.toaide.aides;

import com.toaide.platform.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The statements every edit and every opening of the editor run, in plain JDBC on the
 * transaction's connection. They are the hot path (docs/performance.md): attaching a Jdbi SQL
 * object prepares a handler for every method of the interface, and binding or mapping a record
 * by name goes through reflection; together that cost more CPU than the statement itself.
 * Everything else about an aide stays in {@link AideDao}.
 */
final class EditDao {
    /**
     * One batch in one statement: the new log rows, the snapshot, and the answer to the client's
     * batch id when it sent one (else null, and the stored answers stay). Written only if the
     * aide is still at the version the batch was applied to; else nothing is written (another
     * instance wrote first, or the aide is gone). Its one row says whether the aide republishes
     * itself; the change notices are sent after the commit ({@link #afterCommit}).
     *
     * <p>{@code updated_at} is the time of this statement, not of the transaction's start: an
     * automatic publish claimed after the transaction began but before this row was written
     * must still see the change as newer than its claim, or the change would wait for the next.
     */
    private static final String WRITE = """
            with saved as (
                update aides
                   set state = cast(? as json), log_seq = ?, title = ?, updated_at = clock_timestamp(),
                       edit_answers = coalesce(cast(? as jsonb), edit_answers)
                 where id = ? and log_seq = ?
                returning id, coalesce(auto_publish and published_version is not null, false) as auto_publish
            ), appended as (
                insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event)
                select saved.id, e.seq, app_user_id(), e.batch, e.actor, e.source, e.ts, e.event
                  from saved, json_to_recordset(cast(? as json))
                       as e(seq bigint, batch text, actor text, source text, ts timestamptz, event json)
            )
            select saved.auto_publish from saved
            """;
    private static final String POSITION = "select log_seq from aides where id = ?";
    private static final String LINE = "select id, coalesce(title, ''), status, slug, updated_at, log_seq from aides where id = ?";
    private static final String SUMMARY = "select id, coalesce(title, ''), status, slug, updated_at from aides where id = ?";

    /** What {@link #write} did. */
    enum Stored { NOTHING, CHANGE, CHANGE_TO_REPUBLISH }

    /** Runs one of these statements: inside a transaction, or alone in one round trip. */
    private interface Runner {
        <T> T run(String sql, Database.Binder binder, Database.Rows<T> reader);

        /** Runs {@code action} once what the statements wrote is committed (never if it is not). */
        void afterCommit(Runnable action);
    }

    private final Runner runner;

    private EditDao(Runner runner) {
        this.runner = runner;
    }

    /** The statements on a transaction's connection. */
    EditDao(Handle handle) {
        this(new Runner() {
            @Override
            public <T> T run(String sql, Database.Binder binder, Database.Rows<T> reader) {
                return Database.statement(handle, sql, binder, reader);
            }

            @Override
            public void afterCommit(Runnable action) {
                handle.afterCommit(action);
            }
        });
    }

    /**
     * Each statement alone, as {@code userId}, in one round trip ({@link Database#statementAsUser}):
     * for a change applied to this instance's open copy, which needs nothing else from the database.
     */
    static EditDao alone(Database db, UUID userId) {
        return new EditDao(new Runner() {
            @Override
            public <T> T run(String sql, Database.Binder binder, Database.Rows<T> reader) {
                return db.statementAsUser(userId, sql, binder, reader);
            }

            @Override
            public void afterCommit(Runnable action) {
                // Each statement alone has committed by the time it returns.
                action.run();
            }
        });
    }

    /**
     * {@link Stored#NOTHING} when the aide was no longer at {@code expected} (or is gone).
     * {@code rows} are the new log rows as {@link EventRows#json} writes them.
     */
    Stored write(UUID id, long expected, long version, String state, String title, String answers, String rows) {
        return runner.run(WRITE, (statement, first) -> {
            statement.setString(first, state);
            statement.setLong(first + 1, version);
            statement.setString(first + 2, title);
            statement.setString(first + 3, answers);
            statement.setObject(first + 4, id);
            statement.setLong(first + 5, expected);
            statement.setString(first + 6, rows);
        }, row -> !row.next() ? Stored.NOTHING : row.getBoolean(1) ? Stored.CHANGE_TO_REPUBLISH : Stored.CHANGE);
    }

    /** Runs {@code action} once this DAO's writes are committed: at once for a statement alone. */
    void afterCommit(Runnable action) {
        runner.afterCommit(action);
    }

    /** The aide's log position, if the user can see it. */
    OptionalLong position(UUID id) {
        return runner.run(POSITION, (statement, first) -> statement.setObject(first, id),
                result -> result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty());
    }

    /** The aide's dashboard line, if the user can see it. */
    Optional<AideSummary> summary(UUID id) {
        return runner.run(SUMMARY, (statement, first) -> statement.setObject(first, id),
                row -> row.next() ? Optional.of(summaryOf(row)) : Optional.empty());
    }

    /** The aide's dashboard line and its log position, read together, if the user can see it. */
    Optional<Line> line(UUID id) {
        return runner.run(LINE, (statement, first) -> statement.setObject(first, id),
                row -> row.next() ? Optional.of(new Line(summaryOf(row), row.getLong(6))) : Optional.empty());
    }

    /** An aide's dashboard line and the seq of its last log entry. */
    record Line(AideSummary summary, long version) {}

    private static AideSummary summaryOf(ResultSet row) throws SQLException {
        return new AideSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant());
    }
}
