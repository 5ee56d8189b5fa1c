package com.toaide.ai.eval;

import com.toaide.ai.AiProvider;
import com.toaide.ai.ConversationWindow;
import com.toaide.ai.Escalation;
import com.toaide.ai.Message;
import com.toaide.ai.PriceTable;
import com.toaide.ai.Prompts;
import com.toaide.ai.ProviderError;
import com.toaide.ai.StopReason;
import com.toaide.ai.Tier;
import com.toaide.ai.TierClassifier;
import com.toaide.ai.ToolCall;
import com.toaide.ai.ToolMapping;
import com.toaide.ai.TurnListener;
import com.toaide.ai.TurnStream;
import com.toaide.ai.Usage;
import com.toaide.ai.VoiceRules;
import com.toaide.kernel.Kernel;
import com.toaide.kernel.Snapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plays scenarios against a model the way a real turn runs (TurnService): the classifier's
 * tier (or the forced one), the prompts, tools and conversation window of a real request,
 * each tool call mapped and applied to the page the moment it arrives, three rejections in a
 * row ending the turn, the fast tier's escalation re-run on the deep one. The page lives in
 * memory, one per scenario.
 */
final class EvalRunner {
    private static final int REJECTIONS_IN_A_ROW = 3;

    private final AiProvider provider;
    private final Function<Tier, String> models;
    private final Prompts prompts;
    private final PriceTable prices;
    private final Optional<Tier> forced;
    private final Duration callLimit;

    /** What one turn did, and the page after it. */
    record PlayedTurn(String said, Tier tier, boolean escalated, List<String> voices, int applied, List<String> rejections,
                      Snapshot page, Usage usage, BigDecimal cost, ProviderError error) {}

    record Played(Scenario scenario, boolean tierForced, List<PlayedTurn> turns) {}

    /**
     * @param forced every turn on this tier, with no escalation, when present (measuring one model)
     * @param callLimit how long one call may take before it is cancelled
     */
    EvalRunner(AiProvider provider, Function<Tier, String> models, Prompts prompts, PriceTable prices,
               Optional<Tier> forced, Duration callLimit) {
        this.provider = provider;
        this.models = models;
        this.prompts = prompts;
        this.prices = prices;
        this.forced = forced;
        this.callLimit = callLimit;
    }

    Played play(Scenario scenario) throws InterruptedException {
        Snapshot page = Snapshot.empty();
        List<Message> stored = new ArrayList<>();
        List<PlayedTurn> turns = new ArrayList<>();
        for (String say : scenario.turns()) {
            Tier tier = forced.orElseGet(() -> TierClassifier.classify(page, say));
            List<Message> window = ConversationWindow.pick(stored, say);
            Call call = new Call(page);
            call.run(tier, window, scenario);
            boolean escalated = call.escalated;
            if (forced.isEmpty() && call.error == null && Escalation.rerunOnDeep(tier, call.escalated, call.applied)) {
                tier = Tier.DEEP;
                call.run(tier, window, scenario);
            }
            stored.add(Message.user(say));
            List<String> voices = call.voices.isEmpty() && call.applied > 0 ? List.of(VoiceRules.fallback(call.applied)) : call.voices;
            if (!voices.isEmpty()) {
                stored.add(Message.assistant(String.join("\n", voices)));
            }
            turns.add(new PlayedTurn(say, tier, escalated, List.copyOf(voices), call.applied, List.copyOf(call.rejections),
                    page.copy(), call.usage, call.cost, call.error));
        }
        return new Played(scenario, forced.isPresent(), turns);
    }

    /** One turn's model calls (two on an escalation), applied to the scenario's page. */
    private final class Call implements TurnListener {
        final Snapshot page;
        final List<String> voices = new ArrayList<>();
        final List<String> rejections = new ArrayList<>();
        int applied;
        int rejectedInRow;
        boolean escalated;
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        String model;
        ProviderError error;
        TurnStream stream;

        Call(Snapshot page) {
            this.page = page;
        }

        void run(Tier tier, List<Message> window, Scenario scenario) throws InterruptedException {
            model = models.apply(tier);
            error = null;
            stream = provider.stream(prompts.request(model, tier, page, window, scenario.today()), this);
            if (!stream.await(callLimit)) {
                stream.cancel();
                stream.await(Duration.ofSeconds(5));
            }
        }

        @Override
        public void onToolCall(ToolCall call) {
            var mapped = ToolMapping.map(call);
            if (mapped.rejected()) {
                reject(call.name() + ": " + mapped.rejection());
                return;
            }
            String type = mapped.event().path("t").asString("");
            if (type.equals("escalate")) {
                escalated = true;
                return;
            }
            if (type.equals("voice")) {
                voices.add(mapped.event().path("text").asString(""));
                rejectedInRow = 0;
                return;
            }
            var result = Kernel.apply(page, mapped.event());
            if (!result.accepted()) {
                reject(type + ": " + result.reason());
                return;
            }
            rejectedInRow = 0;
            applied++;
        }

        private void reject(String why) {
            rejections.add(why);
            if (++rejectedInRow >= REJECTIONS_IN_A_ROW && stream != null) {
                stream.cancel();
            }
        }

        @Override
        public void onUsage(Usage callUsage) {
            usage = usage.plus(callUsage);
            cost = cost.add(prices.cost(callUsage, model));
        }

        @Override
        public void onDone(StopReason stopReason) {
            // the turn's outcome is what was applied; the stop reason adds nothing to the checks
        }

        @Override
        public void onError(ProviderError failure) {
            error = failure;
        }
    }
}
