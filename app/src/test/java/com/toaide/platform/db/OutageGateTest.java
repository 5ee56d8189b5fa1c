package com.toaide.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the database is away one transaction a second tries it and the rest are refused at once
 * (with the failure that closed the gate, which is how the test tells a refusal from a new try);
 * readiness still tries and opens the gate the moment the database answers; a full pool is load
 * and closes nothing.
 */
class OutageGateTest {
    @TempDir
    Path dataDir;

    @Test
    void an_unreachable_database_is_tried_once_a_second_and_readiness_notices_its_return() throws Exception {
        int port = TestApp.freePort();
        var postgres = EmbeddedDatabase.start(dataDir, port, false);
        Migrations.run(postgres.settings("postgres"));
        var settings = postgres.settings("postgres");
        try (var db = Database.connect(settings, 2)) {
            assertThat(selectOne(db, 1)).isEqualTo(1);
            postgres.close();

            var first = catchThrowableOfType(DatabaseUnavailable.class, () -> db.asSystem(handle -> 1));
            assertThat(first.busy()).isFalse();
            assertThat(first.sqlState()).hasValueSatisfying(state -> assertThat(state).matches("08...|57P0[123]"));
            for (int i = 0; i < 20; i++) {
                var refused = catchThrowableOfType(DatabaseUnavailable.class, () -> db.asUser(UUID.randomUUID(), handle -> 1));
                assertThat(refused.getCause()).as("refused without a new try").isSameAs(first.getCause());
                assertThat(refused.sqlState()).isEqualTo(first.sqlState());
            }
            // A second on, the next transaction tries again (and fails anew: a different failure).
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(
                    catchThrowableOfType(DatabaseUnavailable.class, () -> db.asSystem(handle -> 1)).getCause()).isNotSameAs(first.getCause()));

            postgres = EmbeddedDatabase.start(dataDir, port, false);
            Eventually.within(Duration.ofSeconds(30), db::check);
            // Readiness found it back: transactions go through without waiting for their second.
            assertThat(selectOne(db, 2)).isEqualTo(2);
        } finally {
            postgres.close();
        }
    }

    @Test
    void a_full_pool_is_load_and_refuses_nothing_after_it() throws Exception {
        try (var db = Database.connect(TestPostgres.freshDatabase(), 1)) {
            var holding = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = new FutureTask<Integer>(() -> db.asSystem(handle -> {
                holding.countDown();
                release.await();
                return 1;
            }));
            new Thread(holder, "holds-the-only-connection").start();
            holding.await();
            var full = catchThrowableOfType(DatabaseUnavailable.class, () -> db.asSystem(handle -> 1));
            assertThat(full.busy()).isTrue();
            release.countDown();
            holder.get();
            assertThat(selectOne(db, 3)).isEqualTo(3);
        }
    }

    private static int selectOne(Database db, int value) {
        return db.asSystem(handle -> handle.createQuery("select " + value).mapTo(Integer.class).one());
    }
}
