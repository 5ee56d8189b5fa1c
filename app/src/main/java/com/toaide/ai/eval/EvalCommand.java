package com.toaide.ai.eval;

import com.toaide.ai.AiProviders;
import com.toaide.ai.AiSettings;
import com.toaide.ai.PriceTable;
import com.toaide.ai.PromptCache;
import com.toaide.ai.Prompts;
import com.toaide.ai.StreamPolicy;
import com.toaide.ai.Tier;
import com.toaide.ai.Usage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code java -jar aide.jar eval [--scenarios FILE] [--tier fast|deep]}: plays every scenario
 * against the configured model (the same variables as {@code serve}: ANTHROPIC_API_KEY, or
 * OPENAI_BASE_URL and OPENAI_MODEL) and prints each check, a score per scenario, the tokens
 * and the cost. Exits 0 when every check passed, 1 when one failed, 2 on bad usage.
 */
public final class EvalCommand {
    private static final String USAGE = "usage: java -jar aide.jar eval [--scenarios FILE] [--tier fast|deep]";

    private EvalCommand() {}

    /** @param ai the model settings Config read from the environment (empty: no model configured) */
    public static int run(List<String> options, Optional<AiSettings> ai, PrintStream out) {
        Path file = null;
        Optional<Tier> forced = Optional.empty();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = i + 1 < options.size() ? options.get(i + 1) : null;
            if (option.equals("--scenarios") && value != null) {
                file = Path.of(value);
                i++;
            } else if (option.equals("--tier") && ("fast".equals(value) || "deep".equals(value))) {
                forced = Optional.of(Tier.valueOf(value.toUpperCase(Locale.ROOT)));
                i++;
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        if (ai.isEmpty()) {
            out.println("eval needs a model: set ANTHROPIC_API_KEY (models from AIDE_MODEL_FAST and AIDE_MODEL_DEEP), "
                    + "or OPENAI_BASE_URL and OPENAI_MODEL for an OpenAI-compatible server.");
            return 2;
        }
        List<Scenario> scenarios;
        try {
            scenarios = file == null ? Scenario.builtIn() : Scenario.load(file);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        Prompts prompts = Prompts.load();
        AiSettings settings = ai.get();
        var runner = new EvalRunner(AiProviders.create(settings, StreamPolicy.DEFAULT), tier -> AiProviders.model(settings, tier),
                prompts, PriceTable.standard(), forced, StreamPolicy.DEFAULT.hardLimit().plus(Duration.ofSeconds(10)));
        out.println("Prompts " + prompts.version() + "; fast: " + settings.fastModel() + ", deep: " + settings.deepModel()
                + forced.map(tier -> "; every turn on " + tier.name().toLowerCase(Locale.ROOT)).orElse(""));
        for (Tier tier : Tier.values()) {
            String model = AiProviders.model(settings, tier);
            int minimum = PromptCache.minimumTokens(model);
            out.println("Cached prefix, " + tier.name().toLowerCase(Locale.ROOT) + ": about " + PromptCache.prefixTokens(prompts, tier)
                    + " tokens" + (minimum > 0 ? " (" + model + " caches from " + minimum + ")" : ""));
        }
        try {
            return report(scenarios, runner, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Interrupted.");
            return 130;
        }
    }

    private static int report(List<Scenario> scenarios, EvalRunner runner, PrintStream out) throws InterruptedException {
        int passed = 0;
        int judged = 0;
        int wholeScenarios = 0;
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        for (Scenario scenario : scenarios) {
            out.println();
            out.println(scenario.name() + ": " + scenario.about());
            var played = runner.play(scenario);
            int turnNumber = 0;
            for (var turn : played.turns()) {
                turnNumber++;
                usage = usage.plus(turn.usage());
                cost = cost.add(turn.cost());
                out.println("  turn " + turnNumber + " [" + turn.tier().name().toLowerCase(Locale.ROOT)
                        + (turn.escalated() ? ", escalated" : "") + "] " + turn.applied() + " applied, "
                        + turn.rejections().size() + " rejected; " + tokens(turn.usage()) + "; $" + turn.cost().toPlainString());
                turn.voices().forEach(voice -> out.println("    voice: " + voice));
                turn.rejections().forEach(why -> out.println("    rejected: " + why));
                if (turn.error() != null) {
                    out.println("    error: " + turn.error().kind() + " " + turn.error().detail());
                }
            }
            int scenarioPassed = 0;
            int scenarioJudged = 0;
            for (Check check : scenario.checks()) {
                var verdict = check.judge(played);
                out.println("  " + verdict.status() + "  " + check.label() + " (" + verdict.detail() + ")");
                if (verdict.status() != Check.Status.SKIP) {
                    scenarioJudged++;
                    scenarioPassed += verdict.status() == Check.Status.PASS ? 1 : 0;
                }
            }
            out.println("  score " + scenarioPassed + "/" + scenarioJudged);
            passed += scenarioPassed;
            judged += scenarioJudged;
            wholeScenarios += scenarioPassed == scenarioJudged ? 1 : 0;
        }
        out.println();
        out.println("Total: " + passed + "/" + judged + " checks (" + (judged == 0 ? 100 : 100 * passed / judged) + "%), "
                + wholeScenarios + "/" + scenarios.size() + " scenarios whole; " + tokens(usage) + "; $" + cost.toPlainString());
        return passed == judged ? 0 : 1;
    }

    private static String tokens(Usage usage) {
        return "tokens in " + usage.inputTokens() + ", out " + usage.outputTokens() + ", cache written "
                + usage.cacheWriteTokens() + ", cache read " + usage.cacheReadTokens();
    }
}
