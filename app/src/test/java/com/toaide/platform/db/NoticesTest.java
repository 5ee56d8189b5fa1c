package com.toaide.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** NOTIFYs sent from one thread after the fact, heard by a real LISTEN connection. */
class NoticesTest {
    static final Activity AWAKE = new Activity(Clock.systemUTC(), Duration.ofHours(1));

    @Test
    void every_notice_is_heard_once_and_in_the_order_it_was_sent_even_when_many_wait() {
        var settings = TestPostgres.freshDatabase();
        var heard = new CopyOnWriteArrayList<String>();
        try (var db = Database.connect(settings, 2);
             var listener = new ChangeListener(settings, AWAKE, List.of(new ChangeListener.Channel("notices_test", heard::add, () -> { }))).start()) {
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(listener.isListening()).isTrue());
            var sent = IntStream.range(0, 3 * Notices.MAX_BATCH).mapToObj(i -> "notice " + i).toList();

            sent.forEach(payload -> db.notices().send("notices_test", payload));

            Eventually.within(Duration.ofSeconds(20), () -> assertThat(heard).hasSize(sent.size()));
            assertThat(heard).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void closing_sends_what_is_still_waiting_and_later_notices_are_not_sent() {
        var settings = TestPostgres.freshDatabase();
        var heard = new CopyOnWriteArrayList<String>();
        try (var listener = new ChangeListener(settings, AWAKE, List.of(new ChangeListener.Channel("notices_test", heard::add, () -> { }))).start()) {
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(listener.isListening()).isTrue());
            var db = Database.connect(settings, 2);
            var sent = IntStream.range(0, 200).mapToObj(i -> "before closing " + i).toList();

            sent.forEach(payload -> db.notices().send("notices_test", payload));
            db.close();
            db.notices().send("notices_test", "after closing");

            Eventually.within(Duration.ofSeconds(10), () -> assertThat(heard).hasSize(sent.size()));
            assertThat(heard).containsExactlyElementsOf(sent);
            assertThat(heard).doesNotContain("after closing");
        }
    }

    @Test
    void the_notices_transaction_leaves_no_relaxed_commit_on_the_connection_it_used() {
        var settings = TestPostgres.freshDatabase();
        String name = settings.jdbcUrl().replaceAll("^.*/([^/?]+).*$", "$1");
        TestPostgres.execute("postgres", "alter database " + name + " set synchronous_commit = on");
        var heard = new CopyOnWriteArrayList<String>();
        try (var single = Database.connect(settings, 1);
             var listener = new ChangeListener(settings, AWAKE, List.of(new ChangeListener.Channel("notices_test", heard::add, () -> { }))).start()) {
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(listener.isListening()).isTrue());

            single.notices().send("notices_test", "relaxed");

            Eventually.within(Duration.ofSeconds(10), () -> assertThat(heard).containsExactly("relaxed"));
            // The pool's one connection carried the notice; the next transaction on it waits again.
            String after = single.asSystem(h -> h.createQuery("select current_setting('synchronous_commit')")
                    .mapTo(String.class).one());
            assertThat(after).isEqualTo("on");
            assertThat(List.copyOf(heard)).containsExactly("relaxed");
        }
    }
}
