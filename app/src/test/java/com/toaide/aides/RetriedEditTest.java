package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A direct edit carrying the client's batch id is applied once: a retry (the answer was lost,
 * the tab reloaded, another instance took the retry) gets the first answer and changes nothing.
 */
class RetriedEditTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp first;
    @AutoClose static TestApp second;
    @AutoClose static Database db;

    @BeforeAll
    static void start() {
        first = TestApp.start();
        second = first.another();
        db = Database.connect(first.database, 1);
    }

    private static String batch(String id, String event) {
        return "{\"batch\":\"" + id + "\",\"events\":[" + event + "]}";
    }

    @Test
    void a_retried_batch_gets_its_first_answer_on_any_instance_and_is_applied_once() {
        var user = first.newUser();
        UUID aide = EditApiTest.create(user, first);
        assertThat(first.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
        String row = batch("b7c1e0a4-row", "{\"t\":\"entity.create\",\"id\":\"linda\",\"parent\":\"players\",\"p\":{\"name\":\"Linda\"}}");

        var answer = first.postJson("/aides/" + aide + "/events", row, user);
        assertThat(answer.statusCode()).isEqualTo(200);
        long logged = StoredLog.read(db, user.id(), aide).lastSeq();

        var again = first.postJson("/aides/" + aide + "/events", row, user);
        var elsewhere = second.postJson("/aides/" + aide + "/events", row, user);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(answer.body());
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body()).isEqualTo(answer.body());
        assertThat(StoredLog.read(db, user.id(), aide).lastSeq()).as("nothing applied twice").isEqualTo(logged);
        StoredLog.assertReplayEqualsStoredSnapshot(db, user.id(), aide);
    }

    @Test
    void a_retried_refusal_gets_the_same_refusal_and_a_new_batch_id_is_a_new_edit() {
        var user = first.newUser();
        UUID aide = EditApiTest.create(user, first);
        assertThat(first.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
        String mixed = "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":5}},"
                + "{\"t\":\"entity.update\",\"ref\":\"nobody\",\"p\":{\"wins\":1}}";

        var answer = first.postJson("/aides/" + aide + "/events", batch("mixed-0001", mixed), user);
        var again = first.postJson("/aides/" + aide + "/events", batch("mixed-0001", mixed), user);
        assertThat(JSON.readTree(answer.body()).get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(again.body()).isEqualTo(answer.body());

        var fresh = first.postJson("/aides/" + aide + "/events", batch("mixed-0002", mixed), user);
        assertThat(JSON.readTree(fresh.body()).get("sequence").asLong())
                .isEqualTo(JSON.readTree(answer.body()).get("sequence").asLong() + 1);
    }

    @Test
    void a_malformed_batch_id_is_refused_in_plain_words_and_changes_nothing() {
        var user = first.newUser();
        UUID aide = EditApiTest.create(user, first);
        assertThat(first.postJson("/aides/" + aide + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);
        long before = StoredLog.read(db, user.id(), aide).lastSeq();

        for (String id : new String[] {"\"short\"", "\"has spaces in it\"", "12345678", "\"" + "x".repeat(65) + "\""}) {
            var response = first.postJson("/aides/" + aide + "/events",
                    "{\"batch\":" + id + ",\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":9}}]}", user);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("A batch id is 8 to 64 letters").contains("Nothing was changed");
        }
        assertThat(StoredLog.read(db, user.id(), aide).lastSeq()).isEqualTo(before);
    }
}
