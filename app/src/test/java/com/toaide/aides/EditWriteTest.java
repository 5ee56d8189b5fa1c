package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an edit's one statement costs Postgres: its update of the aide's row must be heap-only,
 * touching none of the table's indexes (docs/decisions.md, migrations/V020). An index that takes
 * in a column an edit changes, or a table with no room left on its pages, fails this. Also the
 * editor's one statement: the aide's line with its position, for its owner only.
 */
class EditWriteTest {
    @AutoClose static Database db;
    static UUID user;
    static UUID aide;

    @BeforeAll
    static void seed() {
        db = Database.connect(TestPostgres.freshDatabase(), 1);
        user = db.asSystem(h -> h.createQuery("insert into users (email) values ('writer@example.com') returning id")
                .mapTo(UUID.class).one());
        aide = db.asUser(user, h -> h.createQuery("insert into aides (user_id, state) values (app_user_id(), '{}') returning id")
                .mapTo(UUID.class).one());
    }

    @Test
    void an_edit_updates_its_aides_row_without_touching_an_index() {
        // A snapshot of about 2 KB, like a small league table's; each edit stores it whole.
        String state = "{\"entities\":{" + "\"p\":{\"props\":{\"name\":\"Player\",\"wins\":1}},".repeat(40) + "\"last\":{}}}";
        long[] counts = db.asUser(user, h -> {
            var edits = new EditDao(h);
            for (long version = 1; version <= 3; version++) {
                String rows = "[{\"seq\":" + version + ",\"batch\":\"b" + version + "\",\"actor\":\"" + user
                        + "\",\"source\":\"edit\",\"ts\":\"2026-12-04T12:00:00Z\",\"event\":{\"t\":\"entity.update\",\"ref\":\"p\"}}]";
                assertThat(edits.write(aide, version - 1, version, state, "League " + version, null, rows))
                        .isEqualTo(EditDao.Stored.CHANGE);
            }
            // This transaction's own counts: every update of the aide's row, and those that were heap-only.
            return h.createQuery("select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'aides'")
                    .map((row, ctx) -> new long[] {row.getLong(1), row.getLong(2)}).one();
        });
        assertThat(counts[0]).isEqualTo(3);
        assertThat(counts[1]).as("heap-only updates").isEqualTo(3);
        long events = db.asUser(user, h -> h.createQuery("select count(*) from aide_events where aide_id = :id")
                .bind("id", aide).mapTo(Long.class).one());
        assertThat(events).isEqualTo(3);
    }

    @Test
    void the_editor_reads_an_aides_line_with_its_position_and_only_its_owner_can() {
        UUID stranger = db.asSystem(h -> h.createQuery("insert into users (email) values ('stranger@example.com') returning id")
                .mapTo(UUID.class).one());
        UUID trip = db.asUser(user, h -> h.createQuery(
                "insert into aides (user_id, state, title, log_seq) values (app_user_id(), '{}', 'Trip to Lisbon', 7) returning id")
                .mapTo(UUID.class).one());

        var line = EditDao.alone(db, user).line(trip).orElseThrow();
        assertThat(line.version()).isEqualTo(7);
        assertThat(line.summary().id()).isEqualTo(trip);
        assertThat(line.summary().title()).isEqualTo("Trip to Lisbon");
        assertThat(line.summary()).isEqualTo(EditDao.alone(db, user).summary(trip).orElseThrow());
        assertThat(EditDao.alone(db, stranger).line(trip)).as("another user's aide").isEmpty();
        assertThat(EditDao.alone(db, user).line(UUID.randomUUID())).as("no such aide").isEmpty();
    }
}
