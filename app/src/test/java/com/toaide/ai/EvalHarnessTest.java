package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.Config;
import com.toaide.ai.eval.EvalCommand;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code aide.jar eval} end to end against the fake model server: the shipped scenarios,
 * played with scripted answers (ai/eval/scripted.json), through the real Anthropic client,
 * prompts, mapping, kernel and checks. Good answers pass every check; each bad answer fails
 * the checks it should (a duplicate instead of an update, a deleted roster row, a change lost
 * in a mixed message, a wrong year, a turn that escalated off its tier).
 */
class EvalHarnessTest {
    static final List<String> SCRIPTED = List.of("league_absence", "league_correction", "party_vague_start", "trip_mixed");

    FakeModelServer model;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        model = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    record Run(int status, String output) {}

    static JsonNode resource(String path) throws Exception {
        try (InputStream in = EvalHarnessTest.class.getClassLoader().getResourceAsStream(path)) {
            return ScriptedAnswer.JSON.readTree(in);
        }
    }

    /** Plays the scripted scenarios of the shipped file, the bad answers replacing the good ones in {@code bad} turns. */
    Run play(boolean bad) throws Exception {
        JsonNode scripts = resource("ai/eval/scripted.json");
        ArrayNode chosen = ScriptedAnswer.JSON.createArrayNode();
        for (JsonNode scenario : resource("eval/scenarios.json")) {
            String name = scenario.get("name").asString();
            if (!SCRIPTED.contains(name)) {
                continue;
            }
            chosen.add(scenario);
            JsonNode script = scripts.get(name);
            for (int turn = 1; turn <= script.get("good").size(); turn++) {
                JsonNode replaced = bad ? script.path("bad").get(String.valueOf(turn)) : null;
                if (replaced != null) {
                    replaced.forEach(answer -> model.streamText(ScriptedAnswer.sse(answer)));
                } else {
                    model.streamText(ScriptedAnswer.sse(script.get("good").get(turn - 1)));
                }
            }
        }
        Path file = dir.resolve("scenarios.json");
        Files.writeString(file, chosen.toString());
        return eval(List.of("--scenarios", file.toString()),
                model.environment());
    }

    static Run eval(List<String> options, Map<String, String> env) {
        var bytes = new ByteArrayOutputStream();
        int status = EvalCommand.run(options, Config.fromEnvironment(env).ai(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void good_answers_pass_every_check_and_the_report_shows_scores_tokens_and_cost() throws Exception {
        Run run = play(false);

        assertThat(run.output()).doesNotContain("FAIL").doesNotContain("rejected:")
                .contains("PASS  Mike stays on the roster, once (found 1 [player_mike]")
                .contains("PASS  the update on the fast tier (turn 2 ran on fast)")
                .contains("PASS  the question is answered (turn 2 said \"Still needed: tent, snacks, playlist.\")")
                .contains("score 8/8").contains("score 7/7").contains("score 6/6").contains("score 5/5")
                .contains("Total: 26/26 checks (100%), 4/4 scenarios whole;")
                .contains("Cached prefix, fast: about ").contains("(claude-haiku-4-5 caches from 4096)");
        // 11 calls of 1,000 input and 4,200 cached tokens; the total line sums them with their cost
        assertThat(run.output()).containsPattern("Total: .*tokens in 11000, out \\d+, cache written 0, cache read 46200; \\$0\\.\\d+");
        assertThat(run.status()).isZero();
        // each request was a real turn's: the scenario's day, the page view, tool calls only
        var first = ScriptedAnswer.JSON.readTree(model.requests().get(0).body());
        assertThat(first.path("system").get(1).path("text").asString()).startsWith("Today is Tuesday 2026-03-10.\n");
        assertThat(first.path("tool_choice").path("type").asString()).isEqualTo("any");
        var second = ScriptedAnswer.JSON.readTree(model.requests().get(1).body());
        assertThat(second.path("system").get(1).path("text").asString()).contains("    player_mike {\"name\":\"Mike\"}");
        assertThat(second.path("messages").get(1).path("content").asString()).startsWith("Basketball league: 6 players");
    }

    @Test
    void bad_answers_fail_the_checks_that_catch_them() throws Exception {
        Run run = play(true);

        assertThat(run.output())
                // a roster row deleted for a one-week absence, by a turn that escalated off the fast tier
                .contains("FAIL  Mike stays on the roster, once (found 0, want 1 after turn 2)")
                .contains("FAIL  Mike's absence is recorded")
                .contains("FAIL  six players, each once (found 5")
                .contains("FAIL  the update on the fast tier (turn 2 ran on deep after an escalation)")
                // a duplicate instead of an update
                .contains("FAIL  Diana is gone (found 1 [player_diana]")
                .contains("FAIL  five players, no more (found 6")
                // a wrong year
                .contains("FAIL  the date is 2026-05-23 (this year) (found 0, want 1 after turn 3)")
                // a mixed message whose change was lost, and a question half answered
                .contains("FAIL  the cooler is covered by Sam (the change is not lost) (found 0")
                .contains("FAIL  the question is answered (turn 2 said \"Still needed: cooler, tent, snacks.\")")
                // what the bad answers did not touch still passes
                .contains("PASS  first turn on the deep tier")
                .contains("PASS  buy-in is 25")
                .contains("PASS  the old date is gone")
                .contains("score 4/8").contains("score 5/7").contains("score 5/6").contains("score 3/5")
                .contains("Total: 17/26 checks (65%), 0/4 scenarios whole;");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void without_a_model_or_with_a_broken_file_eval_says_what_to_fix() throws Exception {
        Run unconfigured = eval(List.of(), Map.of());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"name\": \"x\", \"today\": \"soon\", \"turns\": [{\"say\": \"hi\"}]}]");
        Run badFile = eval(List.of("--scenarios", broken.toString()), Map.of("ANTHROPIC_API_KEY", "k"));
        Run badOption = eval(List.of("--tier", "medium"), Map.of("ANTHROPIC_API_KEY", "k"));

        assertThat(unconfigured.status()).isEqualTo(2);
        assertThat(unconfigured.output()).contains("eval needs a model: set ANTHROPIC_API_KEY");
        assertThat(badFile.status()).isEqualTo(2);
        assertThat(badFile.output()).contains(broken + ", scenario \"x\": today must be a date like 2026-03-10");
        assertThat(badOption.output()).contains("usage: java -jar aide.jar eval [--scenarios FILE] [--tier fast|deep]");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void a_forced_tier_runs_every_turn_on_it_and_skips_the_tier_checks() throws Exception {
        JsonNode scripts = resource("ai/eval/scripted.json");
        ArrayNode one = ScriptedAnswer.JSON.createArrayNode();
        resource("eval/scenarios.json").forEach(s -> {
            if (s.get("name").asString().equals("league_absence")) {
                one.add(s);
            }
        });
        scripts.get("league_absence").get("good").forEach(answer -> model.streamText(ScriptedAnswer.sse(answer)));
        Path file = dir.resolve("one.json");
        Files.writeString(file, one.toString());

        Run run = eval(List.of("--scenarios", file.toString(), "--tier", "deep"),
                model.environment());

        assertThat(run.output()).contains("every turn on deep").contains("SKIP  the update on the fast tier (every turn ran on deep (--tier))")
                .contains("score 6/6");
        assertThat(model.requests()).allMatch(request -> request.body().contains("\"model\":\"claude-sonnet-4-5\""));
    }
}
