package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.ai.FakeModelServer;
import com.toaide.ai.StreamPolicy;
import com.toaide.kernel.Json;
import com.toaide.platform.db.Database;
import com.toaide.testing.CapturedLogs;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One marker planted in every kind of value a user sends (an address, prop keys and values,
 * meta, a title, a chat message, rejected events), through real requests, plus a failing job
 * and a failing AI turn whose errors quote it: it reaches no log line and no Sentry envelope,
 * while both failures do reach Sentry (so the probe cannot pass by seeing nothing).
 */
class NoUserContentInLogsTest {
    static final String MARK = "zq7marker";

    @Test
    void a_marker_in_every_user_value_reaches_no_log_and_no_sentry_envelope() throws Exception {
        List<String> envelopes = new CopyOnWriteArrayList<>();
        var sentry = ErrorReportingTest.fakeSentry(envelopes);
        var model = new FakeModelServer();
        var database = TestPostgres.freshDatabase();
        var limits = new StreamPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30), List.of(Duration.ofMillis(1)));
        try (var logs = CapturedLogs.start()) {
            var app = TestApp.start(database, model.environment("SENTRY_DSN", ErrorReportingTest.dsn(sentry)), limits);
            try (var db = Database.connect(database, 1)) {
                app.awaitListening();
                plantThroughRequests(app);
                failAnAiTurn(app, db, model);
                failAJob(db);
                // The turn's answer and its closing both fail; each is reported under its own task.
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(tasks(envelopes))
                        .contains("Job leak-probe").anySatisfy(task -> assertThat(task).contains("AI turn")));
            } finally {
                app.close(); // flushes Sentry
            }
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("Job leak-probe failed"));
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line.toLowerCase()).doesNotContain(MARK));
            assertThat(String.join("\n", envelopes).toLowerCase()).doesNotContain(MARK);
        } finally {
            model.close();
            sentry.stop(0);
        }
    }

    private static void plantThroughRequests(TestApp app) {
        app.postForm("/login", Map.of("email", MARK + "@example.org"));
        var user = app.newUser();
        UUID aide = UUID.fromString(Json.MAPPER.readTree(app.postJson("/aides", "{}", user).body()).get("id").asString());
        String events = """
                {"events":[
                  {"t":"entity.create","id":"%1$s_page","display":"page","p":{"title":"%1$s title","%1$s_key":"%1$s value"}},
                  {"t":"meta.set","p":{"title":"%1$s meta","notes":"%1$s"}},
                  {"t":"entity.update","id":"missing_%1$s","p":{"note":"%1$s rejected"}},
                  {"t":"no.such.%1$s","p":{"x":"%1$s"}}
                ]}""".formatted(MARK);
        assertThat(app.postJson("/aides/" + aide + "/events", events, user).body()).contains("rejected");
        app.postJson("/aides/" + aide + "/rename", "{\"title\":\"" + MARK + " renamed\"}", user);
        app.postJson("/aides/" + aide + "/events", "{\"events\":[{\"t\":\"" + MARK + "\"}", user); // not JSON
        app.postJson("/aides/" + aide + "/publish", "{\"slug\":\"" + MARK + "-slug\"}", user);
        app.postJson("/aides/" + aide + "/publish", "{}", user);
    }

    /** The turn's answer cannot be stored: the database's error quotes the user's message. */
    private static void failAnAiTurn(TestApp app, Database db, FakeModelServer model) throws Exception {
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                create function reject_voice() returns trigger language plpgsql as $$
                begin
                  raise exception 'rejected_by_test: %', (select string_agg(text, ' ') from conversations where turn_id = new.turn_id);
                end $$;
                create trigger reject_voice before insert on conversations for each row
                  when (new.role <> 'user') execute function reject_voice();
                """);
        }
        var user = app.newUser();
        UUID aide = UUID.fromString(Json.MAPPER.readTree(app.postJson("/aides", "{}", user).body()).get("id").asString());
        model.stream("first_turn.sse");
        var started = app.postJson("/aides/" + aide + "/turns", "{\"message\":\"" + MARK + " poker league\"}", user);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    }

    /** A job whose work fails with the user's words in the error. */
    private static void failAJob(Database db) {
        var scheduler = new Scheduler(db, Clock.systemUTC(), Duration.ofSeconds(5), SchedulerTest.awake(Clock.systemUTC()))
                .register(Job.of("leak-probe", Duration.ofHours(1), () -> {
                    throw new IllegalStateException("could not handle " + MARK + " for a user");
                }));
        try (scheduler) {
            assertThat(scheduler.tick()).containsEntry("leak-probe", Scheduler.Outcome.FAILED);
        }
    }

    private static List<String> tasks(List<String> envelopes) {
        return ErrorReportingTest.events(envelopes).stream().map(event -> event.path("tags").path("task").asString("")).toList();
    }
}
