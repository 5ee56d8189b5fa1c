package com.toaide.ai;

import com.toaide.platform.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What the chat panel shows, read on every opening of the editor: the conversation's last
 * lines, the weekly turn count and whether a turn runs. Plain JDBC on the transaction's
 * connection, like the edit's statements (docs/performance.md): attaching a Jdbi SQL object
 * prepares every method of its interface and maps rows by reflection, which cost more than the
 * three queries. Runs inside {@code Database.asUser}, or alone as the user ({@link #panel}): RLS
 * scopes every row.
 */
final class ChatDao {
    private static final String RECENT = """
            select role, text from (
                select id, role, text from conversations where aide_id = ? order by id desc limit ?
            ) last order by id
            """;
    private static final String WEEK = "select turn_count, turn_week_start from users where id = app_user_id()";
    /**
     * The panel's three reads in one statement, so that opening the editor sends it alone in one
     * round trip ({@link Database#statementAsUser}): one row per line, oldest first, each with the
     * week's count and whether a turn runs; with no lines, one row whose line columns are null.
     */
    private static final String PANEL = """
            select last.role, last.text, week.turn_count, week.turn_week_start,
                   exists (select 1 from turns where aide_id = ? and status = 'running')
              from (select 1) one
              left join users week on week.id = app_user_id()
              left join lateral (
                  select id, role, text from conversations where aide_id = ? order by id desc limit ?
              ) last on true
             order by last.id
            """;

    /** What the chat panel shows when the editor opens. */
    record Panel(List<TurnDao.ChatRow> lines, TurnDao.WeekCount week, boolean running) {}

    private final Connection connection;

    ChatDao(Handle handle) {
        this.connection = handle.getConnection();
    }

    /** The last {@code limit} lines of the aide's conversation, oldest first. */
    List<TurnDao.ChatRow> recent(UUID aideId, int limit) {
        try (var statement = connection.prepareStatement(RECENT)) {
            statement.setObject(1, aideId);
            statement.setInt(2, limit);
            try (var rows = statement.executeQuery()) {
                var lines = new ArrayList<TurnDao.ChatRow>();
                while (rows.next()) {
                    lines.add(new TurnDao.ChatRow(rows.getString(1), rows.getString(2)));
                }
                return lines;
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** The signed-in user's turns this week. */
    Optional<TurnDao.WeekCount> week() {
        try (var statement = connection.prepareStatement(WEEK); var rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            Timestamp start = rows.getTimestamp(2);
            return Optional.of(new TurnDao.WeekCount(rows.getInt(1), start == null ? null : start.toInstant()));
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** As {@code userId}: the aide's last {@code limit} lines, the user's week, whether a turn runs. */
    static Panel panel(Database db, UUID userId, UUID aideId, int limit) {
        return db.statementAsUser(userId, PANEL, (statement, first) -> {
            statement.setObject(first, aideId);
            statement.setObject(first + 1, aideId);
            statement.setInt(first + 2, limit);
        }, rows -> {
            var lines = new ArrayList<TurnDao.ChatRow>();
            var week = new TurnDao.WeekCount(0, null);
            boolean running = false;
            while (rows.next()) {
                if (rows.getString(1) != null) {
                    lines.add(new TurnDao.ChatRow(rows.getString(1), rows.getString(2)));
                }
                Timestamp start = rows.getTimestamp(4);
                week = new TurnDao.WeekCount(rows.getInt(3), start == null ? null : start.toInstant());
                running = rows.getBoolean(5);
            }
            return new Panel(lines, week, running);
        });
    }
}
