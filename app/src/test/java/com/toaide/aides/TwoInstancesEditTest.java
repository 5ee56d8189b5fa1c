package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one database, each with the aide in memory, editing it at the same time: an
 * instance whose copy another instance has overtaken must notice, reload and apply again, so no
 * acknowledged edit is lost and the stored snapshot stays the replay of the log.
 */
class TwoInstancesEditTest {
    @AutoClose static TestApp first;
    @AutoClose static TestApp second;
    @AutoClose static Database db;

    @BeforeAll
    static void start() {
        first = TestApp.start();
        second = first.another();
        db = Database.connect(first.database, 2);
    }

    @Test
    void concurrent_edits_through_both_instances_all_land_in_one_log() throws Exception {
        var user = first.newUser();
        UUID aide = EditApiTest.create(user, first);
        assertThat(first.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
        // Both instances load the aide into memory.
        assertThat(second.getJson("/aides/" + aide + "/snapshot", user).statusCode()).isEqualTo(200);

        // 80 edits in all: under the 100 requests a minute one user may make.
        int perWriter = 20;
        var pool = Executors.newFixedThreadPool(4);
        var writers = new ArrayList<Callable<List<Integer>>>();
        for (var instance : List.of(first, second)) {
            for (String writer : List.of("a", "b")) {
                String prefix = (instance == first ? "one_" : "two_") + writer;
                writers.add(() -> {
                    var statuses = new ArrayList<Integer>();
                    for (int i = 0; i < perWriter; i++) {
                        String event = "{\"events\":[{\"t\":\"entity.create\",\"id\":\"" + prefix + "_" + i
                                + "\",\"parent\":\"players\",\"p\":{\"name\":\"" + prefix + " " + i + "\"}}]}";
                        statuses.add(instance.postJson("/aides/" + aide + "/events", event, user).statusCode());
                    }
                    return statuses;
                });
            }
        }
        var statuses = new ArrayList<Integer>();
        for (Future<List<Integer>> done : pool.invokeAll(writers)) {
            statuses.addAll(done.get());
        }
        pool.shutdown();

        assertThat(statuses).hasSize(4 * perWriter).containsOnly(200);
        StoredLog.assertReplayEqualsStoredSnapshot(db, user.id(), aide);
        JsonNode fromFirst = EditApiTest.snapshot(user, aide, first);
        JsonNode fromSecond = EditApiTest.snapshot(user, aide, second);
        assertThat(fromFirst).isEqualTo(fromSecond);
        // The page, the table, Dave, and every row both instances were asked to add.
        assertThat(fromFirst.at("/snapshot/entities").size()).isEqualTo(3 + 4 * perWriter);
        assertThat(fromFirst.at("/_sequence").asLong()).isEqualTo(3 + 4 * perWriter);
    }
}
