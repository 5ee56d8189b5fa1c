package com.toaide.ai;

import com.toaide.Config;
import com.toaide.aides.EditService;
import com.toaide.aides.EditorChat;
import com.toaide.aides.TurnFrames;
import com.toaide.auth.Account;
import com.toaide.billing.BillingService;
import com.toaide.kernel.Json;
import com.toaide.platform.db.Database;
import com.toaide.platform.web.Problem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * AI turns (ai.md): checks the limits, records the turn and the user's words, and runs the
 * model on a worker thread; each tool call is applied the moment it arrives
 * ({@link EditService#applyTurnEvent}) and the live channel hears it through Postgres NOTIFY,
 * so every instance's tabs follow along. One turn at a time per aide, held by the database.
 */
public final class TurnService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TurnService.class);
    public static final int MAX_MESSAGE = 10_000;
    /** The abuse guard (ai.md): more turns than this in an hour are refused, on every plan. */
    static final int TURNS_PER_HOUR = 50;
    /** Interrupts reach the instance running the turn through this NOTIFY channel. */
    public static final String INTERRUPTS = "aide_interrupts";
    static final int ROWS_READ_FOR_WINDOW = 3 * ConversationWindow.STORED;
    private static final int REJECTIONS_IN_A_ROW = 3;
    private static final int MAX_LINE = 2_000;
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Database db;
    private final EditService edits;
    private final BillingService billing;
    private final Optional<Config.Ai> ai;
    private final Optional<AiProvider> provider;
    private final Prompts prompts;
    private final PriceTable prices;
    private final Clock clock;
    private final Duration callLimit;
    private final Map<UUID, Run> running = new ConcurrentHashMap<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "turn-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param ai empty when the AI is not configured: turns are then refused with a plain message
     * @param policy the model call's limits; a turn waits for its call a little longer than the hard limit
     */
    public TurnService(Database db, EditService edits, BillingService billing, Optional<Config.Ai> ai,
                       StreamPolicy policy, Prompts prompts, PriceTable prices, Clock clock) {
        this.db = db;
        this.edits = edits;
        this.billing = billing;
        this.ai = ai;
        this.provider = ai.map(settings -> AiProviders.create(settings, policy));
        this.prompts = prompts;
        this.prices = prices;
        this.clock = clock;
        this.callLimit = policy.hardLimit().plus(Duration.ofSeconds(10));
    }

    /** Starts a turn and returns its id at once; the model runs on a worker thread. */
    public UUID start(UUID userId, UUID aideId, String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new Problem(400, "Say what changed.");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new Problem(400, "A message holds at most 10,000 characters.");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Problem(400, "A message cannot hold the NUL character.");
        }
        if (provider.isEmpty()) {
            throw new Problem(503, "The AI is not configured. Set ANTHROPIC_API_KEY (or OPENAI_BASE_URL and OPENAI_MODEL) and restart AIde.");
        }
        Tier tier = edits.read(userId, aideId, (snapshot, version) -> TierClassifier.classify(snapshot, text));
        boolean free = billing.tier(userId) == com.toaide.billing.Tier.FREE;
        Instant now = clock.instant();
        var run = db.asUser(userId, handle -> {
            var dao = handle.attach(TurnDao.class);
            var week = dao.lockWeek().orElseThrow(Problem::notFound);
            boolean weekRunning = week.turnWeekStart() != null && week.turnWeekStart().plus(Account.TURN_WEEK).isAfter(now);
            int used = weekRunning ? week.turnCount() : 0;
            if (free && used >= Account.FREE_TURNS_PER_WEEK) {
                Instant resets = week.turnWeekStart().plus(Account.TURN_WEEK);
                throw new Problem(429, "The free plan includes " + Account.FREE_TURNS_PER_WEEK
                        + " AI turns a week, and this week's are used. More on " + DAY.format(resets)
                        + ", or upgrade to Pro for no weekly limit. Editing the page by hand still works.",
                        Duration.between(now, resets));
            }
            if (dao.startedSince(now.minus(Duration.ofHours(1))) >= TURNS_PER_HOUR) {
                throw new Problem(429, "More than " + TURNS_PER_HOUR + " turns in an hour. Try again later.", Duration.ofMinutes(10));
            }
            dao.closeAbandoned(aideId, now.minus(ABANDONED_AFTER));
            UUID turnId = dao.start(aideId, tier.name().toLowerCase(Locale.ROOT), AiProviders.model(ai.get(), tier), prompts.version())
                    .orElseThrow(() -> new Problem(409, "A turn is already running on this page."));
            dao.countWeek(weekRunning ? used + 1 : 1, weekRunning ? week.turnWeekStart() : now);
            var stored = storedMessages(dao.recent(aideId, ROWS_READ_FOR_WINDOW));
            dao.say(aideId, turnId, "user", text);
            frame(dao, aideId, turnFrame("turn.start", turnId).put("message", clip(text)));
            return new Run(turnId, userId, aideId, tier, ConversationWindow.pick(stored, text));
        });
        running.put(aideId, run);
        workers.execute(run::execute);
        return run.turnId;
    }

    /**
     * The conversation as the model sees it: notices left out, and lines of one role in a row
     * (a turn's voice lines; a message whose turn failed) joined into one message, since many
     * chat templates of local models refuse two messages of one role in a row.
     */
    static List<Message> storedMessages(List<TurnDao.ChatRow> rows) {
        var messages = new ArrayList<Message>();
        for (var row : rows) {
            if (row.role().equals("notice")) {
                continue;
            }
            var role = row.role().equals("user") ? Message.Role.USER : Message.Role.ASSISTANT;
            int last = messages.size() - 1;
            if (last >= 0 && messages.get(last).role() == role) {
                messages.set(last, new Message(role, messages.get(last).text() + "\n" + row.text()));
            } else {
                messages.add(new Message(role, row.text()));
            }
        }
        return messages;
    }

    /** What {@code GET /aides/{id}/turns/{turn}} shows. */
    public record TurnView(String status, int applied, int rejected, List<String> voice, String error) {}

    public TurnView turn(UUID userId, UUID aideId, UUID turnId) {
        return db.asUser(userId, handle -> {
            var dao = handle.attach(TurnDao.class);
            var row = dao.find(aideId, turnId).orElseThrow(Problem::notFound);
            return new TurnView(row.status(), row.applied(), row.rejected(), dao.voices(turnId), row.error());
        });
    }

    /** The chat as the editor first draws it: the conversation, the turns left, whether a turn runs. */
    public EditorChat.State chat(UUID userId, UUID aideId) {
        boolean free = billing.tier(userId) == com.toaide.billing.Tier.FREE;
        Instant now = clock.instant();
        return db.asUser(userId, handle -> {
            var dao = handle.attach(TurnDao.class);
            var lines = dao.recent(aideId, 200).stream().map(row -> new EditorChat.Line(row.role(), row.text())).toList();
            Integer left = null;
            if (free) {
                var week = dao.readWeek().orElse(new TurnDao.WeekCount(0, null));
                boolean weekRunning = week.turnWeekStart() != null && week.turnWeekStart().plus(Account.TURN_WEEK).isAfter(now);
                left = Math.max(0, Account.FREE_TURNS_PER_WEEK - (weekRunning ? week.turnCount() : 0));
            }
            return new EditorChat.State(lines, left, dao.running(aideId));
        });
    }

    /** The Stop button: stops the aide's running turn on whichever instance runs it. */
    public void interrupt(UUID userId, UUID aideId) {
        var local = running.get(aideId);
        if (local != null && local.userId.equals(userId)) {
            local.interrupt();
            return;
        }
        db.asUser(userId, handle -> handle.attach(TurnDao.class).notify(INTERRUPTS, aideId.toString()));
    }

    /** An interrupt NOTIFY from any instance. */
    public void onInterrupt(String payload) {
        try {
            var run = running.get(UUID.fromString(payload.strip()));
            if (run != null) {
                run.interrupt();
            }
        } catch (IllegalArgumentException ignored) {
            // not an aide id: nothing to stop
        }
    }

    private static ObjectNode turnFrame(String type, UUID turnId) {
        return Json.MAPPER.createObjectNode().put("type", type).put("turn", turnId.toString());
    }

    private static void frame(TurnDao dao, UUID aideId, ObjectNode frame) {
        TurnFrames.payload(aideId, frame.toString()).ifPresentOrElse(
                payload -> dao.notify(TurnFrames.CHANNEL, payload),
                () -> log.warn("A {} frame was too long for NOTIFY and was not sent", frame.path("type").asString()));
    }

    private static String clip(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 1) + "…";
    }

    /** One turn: one model call, or two when the fast tier escalates. */
    private final class Run implements TurnListener {
        final UUID turnId;
        final UUID userId;
        final UUID aideId;
        final List<Message> window;
        final String batchId;
        final long startNanos = System.nanoTime();
        final List<String> voices = new ArrayList<>();
        volatile Tier tier;
        volatile String model;
        volatile TurnStream stream;
        volatile boolean interrupted;
        volatile String stopMessage;
        volatile ProviderError error;
        int applied;
        int rejected;
        int rejectedInRow;
        boolean escalated;
        Integer firstChangeMs;
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;

        Run(UUID turnId, UUID userId, UUID aideId, Tier tier, List<Message> window) {
            this.turnId = turnId;
            this.userId = userId;
            this.aideId = aideId;
            this.tier = tier;
            this.window = window;
            this.batchId = "turn-" + turnId;
        }

        void execute() {
            try {
                call();
                if (error == null && Escalation.rerunOnDeep(tier, escalated, applied)) {
                    log.info("Turn {} escalated to the deep tier", turnId);
                    tier = Tier.DEEP;
                    escalated = false;
                    call();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
            } catch (RuntimeException e) {
                log.error("Turn {} failed", turnId, e);
                if (error == null) {
                    error = new ProviderError(ProviderError.Kind.INTERRUPTED, "the turn failed", applied > 0, 0, 0);
                }
            } finally {
                try {
                    finish();
                } catch (RuntimeException e) {
                    log.error("Turn {} could not be closed", turnId, e);
                }
                running.remove(aideId, this);
            }
        }

        private void call() throws InterruptedException {
            model = AiProviders.model(ai.get(), tier);
            Tier on = tier;
            var request = edits.read(userId, aideId, (snapshot, version) ->
                    prompts.request(model, on, snapshot, window, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
            error = null;
            var started = provider.get().stream(request, this);
            stream = started;
            if (interrupted || stopMessage != null) {
                started.cancel();
            }
            if (!started.await(callLimit)) {
                started.cancel();
                started.await(Duration.ofSeconds(5));
            }
        }

        void interrupt() {
            interrupted = true;
            var current = stream;
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public void onToolCall(ToolCall call) {
            if (interrupted || stopMessage != null) {
                return;
            }
            var mapped = ToolMapping.map(call);
            if (mapped.rejected()) {
                log.info("Turn {} skipped a {} call ({}): {}", turnId, call.name(), call.id(), mapped.rejection());
                reject();
                return;
            }
            var event = mapped.event();
            String type = event.path("t").asString("");
            if (type.equals("escalate")) {
                log.info("Turn {} on {} asked for the deep tier: {}", turnId, tier, event.path("reason").asString(""));
                escalated = true;
                return;
            }
            boolean voice = type.equals("voice");
            String text = voice ? clip(event.path("text").asString("")) : null;
            var outcome = edits.applyTurnEvent(userId, aideId, batchId, event, (handle, result) -> {
                if (voice && result.accepted()) {
                    var dao = handle.attach(TurnDao.class);
                    dao.say(aideId, turnId, "voice", text);
                    frame(dao, aideId, turnFrame("voice", turnId).put("text", text));
                }
            });
            if (!outcome.result().accepted()) {
                log.info("Turn {} event {} rejected: {}", turnId, type, outcome.result().reason());
                reject();
                return;
            }
            rejectedInRow = 0;
            if (voice) {
                voices.add(text);
            } else {
                applied++;
                if (firstChangeMs == null) {
                    firstChangeMs = (int) elapsedMillis();
                }
            }
        }

        private void reject() {
            rejected++;
            if (++rejectedInRow >= REJECTIONS_IN_A_ROW) {
                stopMessage = "Stopped after " + REJECTIONS_IN_A_ROW + " changes in a row could not be applied."
                        + (applied > 0 ? " Changes so far are kept." : "") + " Try saying it another way.";
                var current = stream;
                if (current != null) {
                    current.cancel();
                }
            }
        }

        @Override
        public void onText(String text) {
            log.info("Turn {}: the model wrote {} characters outside tools", turnId, text.length());
        }

        @Override
        public void onUsage(Usage callUsage) {
            usage = usage.plus(callUsage);
            cost = cost.add(prices.cost(callUsage, model));
        }

        @Override
        public void onDone(StopReason stopReason) {
            if (stopReason == StopReason.MAX_TOKENS) {
                log.warn("Turn {} hit the output token limit", turnId);
            }
        }

        @Override
        public void onError(ProviderError failure) {
            error = failure;
            if (!interrupted && stopMessage == null) {
                log.warn("Turn {} ended early: {} {} after {} attempt(s)", turnId, failure.kind(), failure.detail(), failure.attempts());
            }
        }

        private long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        }

        /** What the turn record says went wrong: null when done or stopped by the user. */
        private String errorCode() {
            if (interrupted) {
                return null;
            }
            if (stopMessage != null) {
                return "rejections";
            }
            return error == null ? null : error.kind().name().toLowerCase(Locale.ROOT);
        }

        private void finish() {
            String status;
            String shown;
            if (interrupted) {
                status = "interrupted";
                shown = "Stopped." + (applied > 0 ? " Changes so far are kept." : "");
            } else if (stopMessage != null) {
                status = "error";
                shown = stopMessage;
            } else if (error != null) {
                status = "error";
                shown = error.plainWords();
            } else {
                status = "done";
                shown = null;
            }
            String fallback = voices.isEmpty() && (shown == null || applied > 0) ? VoiceRules.fallback(applied) : null;
            var record = new TurnDao.Finish(turnId, status, tier.name().toLowerCase(Locale.ROOT), model, prompts.version(),
                    usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(), usage.cacheWriteTokens(),
                    firstChangeMs, (int) elapsedMillis(), applied, rejected, cost,
                    errorCode());
            db.asUser(userId, handle -> {
                var dao = handle.attach(TurnDao.class);
                if (fallback != null) {
                    dao.say(aideId, turnId, "voice", fallback);
                    frame(dao, aideId, turnFrame("voice", turnId).put("text", fallback));
                }
                if (shown != null) {
                    dao.say(aideId, turnId, "notice", shown);
                    if (!interrupted) {
                        frame(dao, aideId, turnFrame("turn.error", turnId).put("error", shown));
                    }
                }
                dao.finish(record);
                var end = turnFrame("turn.end", turnId).put("status", status).put("applied", applied).put("rejected", rejected);
                if (interrupted) {
                    end.put("notice", shown);
                }
                frame(dao, aideId, end);
                return null;
            });
        }
    }

    /** Stops taking turns; running ones are stopped and closed (what they applied stays). */
    @Override
    public void close() {
        running.values().forEach(Run::interrupt);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }
}
