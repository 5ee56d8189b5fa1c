package com.toaide.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The one way to the database. Every transaction runs as a role that has no BYPASSRLS and owns
 * no table, so row-level security holds whatever role the connection logged in as
 * (on Neon the login role may bypass RLS).
 *
 * <ul>
 *   <li>{@link #asUser}: role {@code aide_app} with {@code app.user_id} set for this transaction
 *       only; policies show that user's rows and nothing else.</li>
 *   <li>{@link #asSystem}: role {@code aide_system}, the named path for sign-in, webhooks, jobs and
 *       published-slug lookups. Never used to hand one user's data to another.</li>
 * </ul>
 */
public final class Database implements AutoCloseable {
    private static final String AS_USER =
            "select set_config('role', 'aide_app', true) as role, set_config('app.user_id', ?, true) as app_user";
    private static final String AS_SYSTEM =
            "select set_config('role', 'aide_system', true) as role, set_config('app.user_id', '', true) as app_user";

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final OutageGate gate = new OutageGate();
    private final Notices notices = new Notices(this);
    /** {@link #statementAsUser}'s and {@link #statementAsSystem}'s statements with the role in front, built once (the SQL is the code's constants). */
    private final ConcurrentHashMap<String, String> asUserText = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> asSystemText = new ConcurrentHashMap<>();

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        // A failed statement's message names neither the SQL nor its bound values (by default
        // Jdbi adds both): messages reach logs, and bound values are what users wrote.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    public static Database connect(ConnectionSettings settings, int maxConnections) {
        var config = new HikariConfig();
        config.setPoolName("aide");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(maxConnections);
        // Idle means idle: no connections kept warm and no keepalive queries, so a quiet app
        // sends the database nothing and Neon can scale it to zero (a pool that refilled
        // itself, or pinged, would wake it again). Connections idle for a minute are closed;
        // the next request opens one (waking the database if it slept).
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setKeepaliveTime(0);
        // Fail fast when the database is away: a clear error beats a hung request.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setMaxLifetime(1_800_000);
        // Start even when the database is down; readiness reports it and the pool recovers later.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Driver errors end up in logs (the pool's own warnings too): no server DETAIL and no
        // values of a failed batch in their messages: user content must not reach a log.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("ApplicationName", "aide");
        return new Database(new HikariDataSource(config));
    }

    /** Runs {@code work} in one transaction that sees only {@code userId}'s rows. */
    public <T, X extends Exception> T asUser(UUID userId, HandleCallback<T, X> work) throws X {
        return inTransaction(AS_USER, userId.toString(), work);
    }

    /** Runs {@code work} in one transaction on the system path (sign-in, webhooks, jobs). */
    public <T, X extends Exception> T asSystem(HandleCallback<T, X> work) throws X {
        return inTransaction(AS_SYSTEM, null, work);
    }

    /** Binds a statement's own parameters, which start at {@code first}. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    /** Reads what a statement returned. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * One statement that sees only {@code userId}'s rows, in one round trip: the role, the user
     * and the statement are sent together and commit together, as the one implicit transaction
     * Postgres runs for the messages before a Sync (a transaction through {@link #asUser} takes
     * three round trips: the role, the statement, the commit). The hot path of a direct edit
     * (docs/performance.md); anything that needs two statements to agree uses {@link #asUser}.
     * {@code sql} must be one statement; its parameters start at the {@code first} given to
     * {@code binder}.
     */
    public <T> T statementAsUser(UUID userId, String sql, Binder binder, Rows<T> reader) {
        return statementAs(asUserText.computeIfAbsent(sql, text -> AS_USER + ";\n" + text), userId.toString(), binder, reader);
    }

    /** As {@link #statementAsUser}, on the system path: for a job's one statement that is sent often. */
    public <T> T statementAsSystem(String sql, Binder binder, Rows<T> reader) {
        return statementAs(asSystemText.computeIfAbsent(sql, text -> AS_SYSTEM + ";\n" + text), null, binder, reader);
    }

    /** {@code text} is the role's statement (with the user as its one parameter, if any) and then the statement. */
    private <T> T statementAs(String text, String user, Binder binder, Rows<T> reader) {
        gate.enter();
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
        try (connection; var statement = connection.prepareStatement(text)) {
            int first = 1;
            if (user != null) {
                statement.setString(first++, user);
            }
            binder.bind(statement, first);
            statement.execute();
            gate.reached();
            // The first result is the role's; the second is the statement's.
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            if (isConnectionFailure(e)) {
                throw unavailable(e);
            }
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** One statement on a transaction's handle, in plain JDBC: nothing to map, nothing to pay for on the hot path. */
    public static <T> T statement(Handle handle, String sql, Binder binder, Rows<T> reader) {
        try (var statement = handle.getConnection().prepareStatement(sql)) {
            binder.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Readiness: one round trip, tried even while transactions are refused as an outage (it is
     * how the app notices the database is back before a user's request does). Throws
     * {@link DatabaseUnavailable} when the database does not answer.
     */
    public void check() {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            gate.reached();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** For the few things that need a raw connection of their own (LISTEN). */
    public DataSource dataSource() {
        return pool;
    }

    /** NOTIFYs for what is committed, sent a moment later from one thread ({@link Notices}). */
    public Notices notices() {
        return notices;
    }

    @Override
    public void close() {
        notices.close();
        pool.close();
    }

    /**
     * The handle's own begin and commit rather than {@code Jdbi.inTransaction}, which copies a
     * part of Jdbi's configuration into every handle and keeps the handle in a thread-local
     * scope: a tenth of an edit's garbage (docs/performance.md). Transactions do not nest (a
     * nested {@code inTransaction} threw), so the scope was never used.
     */
    private <T, X extends Exception> T inTransaction(String setup, String user, HandleCallback<T, X> work) throws X {
        gate.enter();
        try (Handle handle = jdbi.open()) {
            handle.begin();
            try {
                enter(handle, setup, user);
                gate.reached();
                T result = work.withHandle(handle);
                handle.commit();
                return result;
            } catch (Throwable failure) {
                rollBack(handle, failure);
                throw failure;
            }
        } catch (ConnectionException e) {
            throw unavailable(e);
        } catch (JdbiException e) {
            if (isConnectionFailure(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    private static void rollBack(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private DatabaseUnavailable unavailable(Throwable cause) {
        var failure = new DatabaseUnavailable(cause);
        gate.failed(failure);
        return failure;
    }

    /** Plain JDBC for the statement every transaction starts with: nothing to map, nothing to pay for. */
    private static void enter(Handle handle, String setup, String user) {
        try (var statement = handle.getConnection().prepareStatement(setup)) {
            if (user != null) {
                statement.setString(1, user);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** True when {@code error} (or a cause) is a unique-constraint violation: the row someone wants is taken. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 is "connection exception"; 57P01..03 mean the server is going away. */
    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
