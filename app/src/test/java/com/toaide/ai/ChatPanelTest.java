package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat panel's one statement ({@link ChatDao#panel}), sent alone as the user: the last lines
 * oldest first, the user's own week, whether a turn runs, and nothing of another user's aide.
 */
class ChatPanelTest {
    @AutoClose static Database db;
    static UUID owner;
    static UUID stranger;
    static UUID aide;
    static UUID quietAide;

    @BeforeAll
    static void seed() {
        db = Database.connect(TestPostgres.freshDatabase(), 2);
        owner = user("owner@example.com", 7, Instant.parse("2026-11-30T00:00:00Z"));
        stranger = user("stranger@example.com", 2, null);
        aide = aideOf(owner);
        quietAide = aideOf(owner);
        db.asUser(owner, h -> {
            for (int i = 1; i <= 5; i++) {
                h.execute("insert into conversations (aide_id, user_id, role, text) values (?, app_user_id(), ?, ?)",
                        aide, i % 2 == 1 ? "user" : "voice", "line " + i);
            }
            h.execute("insert into turns (aide_id, user_id, status) values (?, app_user_id(), 'running')", aide);
            h.execute("insert into turns (aide_id, user_id, status) values (?, app_user_id(), 'done')", quietAide);
            return null;
        });
    }

    @Test
    void the_owner_sees_the_last_lines_oldest_first_the_week_and_the_running_turn() {
        var panel = ChatDao.panel(db, owner, aide, 3);
        assertThat(panel.lines()).extracting(TurnDao.ChatRow::text).containsExactly("line 3", "line 4", "line 5");
        assertThat(panel.lines()).extracting(TurnDao.ChatRow::role).containsExactly("user", "voice", "user");
        assertThat(panel.week()).isEqualTo(new TurnDao.WeekCount(7, Instant.parse("2026-11-30T00:00:00Z")));
        assertThat(panel.running()).isTrue();
    }

    @Test
    void an_aide_with_no_lines_still_answers_the_week_and_no_running_turn() {
        var panel = ChatDao.panel(db, owner, quietAide, 200);
        assertThat(panel.lines()).isEmpty();
        assertThat(panel.week().turnCount()).isEqualTo(7);
        assertThat(panel.running()).isFalse();
    }

    @Test
    void another_users_aide_shows_no_line_and_no_running_turn_and_only_their_own_week() {
        var panel = ChatDao.panel(db, stranger, aide, 200);
        assertThat(panel.lines()).isEmpty();
        assertThat(panel.running()).isFalse();
        assertThat(panel.week()).isEqualTo(new TurnDao.WeekCount(2, null));
    }

    private static UUID user(String email, int turns, Instant weekStart) {
        return db.asSystem(h -> h.createQuery("""
                        insert into users (email, turn_count, turn_week_start) values (:email, :turns, :start) returning id""")
                .bind("email", email).bind("turns", turns).bind("start", weekStart).mapTo(UUID.class).one());
    }

    private static UUID aideOf(UUID user) {
        return db.asUser(user, h -> h.createQuery("insert into aides (user_id, state) values (app_user_id(), '{}') returning id")
                .mapTo(UUID.class).one());
    }
}
