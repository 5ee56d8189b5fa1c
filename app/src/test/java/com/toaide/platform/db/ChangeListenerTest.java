package com.toaide.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several channels over one real LISTEN connection. */
class ChangeListenerTest {
    @Test
    void each_channel_hears_only_its_own_notices_over_one_connection() {
        var settings = TestPostgres.freshDatabase();
        var pages = new CopyOnWriteArrayList<String>();
        var sessions = new CopyOnWriteArrayList<String>();
        try (var db = Database.connect(settings, 2);
             var listener = new ChangeListener(settings, NoticesTest.AWAKE, List.of(
                     new ChangeListener.Channel("pages_test", pages::add, () -> { }),
                     new ChangeListener.Channel("sessions_test", sessions::add, () -> { }))).start()) {
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(listener.isListening()).isTrue());

            db.notices().send("pages_test", "page 1");
            db.notices().send("sessions_test", "session 1");
            db.notices().send("unheard_test", "nobody");
            db.notices().send("pages_test", "page 2");

            Eventually.within(Duration.ofSeconds(10), () -> {
                assertThat(pages).containsExactly("page 1", "page 2");
                assertThat(sessions).containsExactly("session 1");
            });
            assertThat(listeningBackends(db)).isEqualTo(1);
        }
    }

    @Test
    void after_its_connection_is_cut_it_listens_again_and_every_channel_resyncs() {
        var settings = TestPostgres.freshDatabase();
        var pages = new CopyOnWriteArrayList<String>();
        var pageResyncs = new AtomicInteger();
        var sessionResyncs = new AtomicInteger();
        try (var db = Database.connect(settings, 2);
             var listener = new ChangeListener(settings, NoticesTest.AWAKE, List.of(
                     new ChangeListener.Channel("pages_test", pages::add, pageResyncs::incrementAndGet),
                     new ChangeListener.Channel("sessions_test", payload -> { }, sessionResyncs::incrementAndGet))).start()) {
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(listener.isListening()).isTrue());
            assertThat(pageResyncs.get() + sessionResyncs.get()).isZero();

            assertThat(count(db, "select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where datname = current_database() and query like 'LISTEN%'")).isEqualTo(1);

            Eventually.within(Duration.ofSeconds(20), () -> {
                assertThat(pageResyncs.get()).isPositive();
                assertThat(sessionResyncs.get()).isPositive();
                assertThat(listeningBackends(db)).isEqualTo(1);
            });
            db.notices().send("pages_test", "after the gap");
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(pages).contains("after the gap"));
        }
    }

    private static long listeningBackends(Database db) {
        return count(db, "select count(*) from pg_stat_activity where datname = current_database() and query like 'LISTEN%'");
    }

    /** As the login role, outside both app roles: the sessions of the database are an operator's to see. */
    private static long count(Database db, String sql) {
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
