package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Json;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table without a column list shows its rows' props in the order they first appeared. That
 * order must survive the page being read back from the database (a restart, another instance)
 * and the log being replayed (undo): jsonb sorts keys, so the stored text must be kept as written.
 */
class ColumnOrderTest {
    static TestApp first;
    static TestApp second;

    @BeforeAll
    static void start() {
        var database = TestPostgres.freshDatabase();
        var secret = Map.of("JWT_SECRET", "two-instances-reading-one-table-".repeat(2));
        first = TestApp.start(database, secret);
        second = TestApp.start(database, secret);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static final String TABLE = """
            {"events":[
              {"t":"entity.create","id":"page","display":"page","p":{"title":"Road trip"}},
              {"t":"entity.create","id":"stops","parent":"page","display":"table","p":{"title":"Stops"}},
              {"t":"entity.create","id":"s1","parent":"stops","p":{"town":"Lyon","nights":2,"booked":true,"address":"Rue A"}},
              {"t":"entity.create","id":"s2","parent":"stops","p":{"town":"Nice","nights":3,"booked":false,"address":"Rue B"}}
            ]}""";
    private static final List<String> WRITTEN = List.of("Town", "Nights", "Booked", "Address");
    private static final Pattern HEADER = Pattern.compile("<th scope=\"col\"[^>]*>([^<]*)</th>");

    @Test
    void columns_keep_their_first_seen_order_when_the_page_is_read_back_or_replayed() {
        var user = first.newUser();
        UUID aide = EditApiTest.create(user, first);
        assertThat(first.postJson("/aides/" + aide + "/events", TABLE, user).statusCode()).isEqualTo(200);
        assertThat(headers(first, user, aide)).as("the instance that wrote it").isEqualTo(WRITTEN);

        assertThat(headers(second, user, aide)).as("another instance, reading it from the database").isEqualTo(WRITTEN);
        var props = Json.MAPPER.readTree(second.getJson("/aides/" + aide + "/snapshot", user).body())
                .at("/snapshot/entities/s1/props").propertyNames();
        assertThat(List.copyOf(props)).containsExactly("town", "nights", "booked", "address");

        // An undo rebuilds the page from its log.
        assertThat(first.postJson("/aides/" + aide + "/events",
                "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"s1\",\"p\":{\"nights\":4}}]}", user).statusCode()).isEqualTo(200);
        assertThat(first.postJson("/aides/" + aide + "/undo", "", user).statusCode()).isEqualTo(200);
        assertThat(headers(first, user, aide)).as("after an undo").isEqualTo(WRITTEN);
        assertThat(headers(second, user, aide)).as("after an undo, on the other instance").isEqualTo(WRITTEN);
    }

    private static List<String> headers(TestApp app, TestApp.TestUser user, UUID aide) {
        String page = app.get("/aides/" + aide, "Cookie", user.cookie()).body();
        var names = new ArrayList<String>();
        var header = HEADER.matcher(page);
        while (header.find()) {
            names.add(header.group(1));
        }
        return names;
    }
}
