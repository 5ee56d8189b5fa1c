package com.toaide.ai;

import com.toaide.aides.EditService;
import com.toaide.aides.EditorChat;
import com.toaide.auth.TurnWeek;
import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import com.toaide.images.ImageService;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * AI turns (docs/ai.md, "Turns"): checks the limits, records the turn and the user's words, and runs the
 * model on a worker thread; each tool call is applied the moment it arrives
 * ({@link EditService#applyTurnEvent}) and the live channel hears it through Postgres NOTIFY,
 * so every instance's tabs follow along. One turn at a time per aide, held by the database.
 */
public final class TurnService implements AutoCloseable {
    public static final int MAX_MESSAGE = 10_000;
    /** Interrupts reach the instance running the turn through this NOTIFY channel. */
    public static final String INTERRUPTS = "aide_interrupts";
    static final int ROWS_READ_FOR_WINDOW = 3 * ConversationWindow.STORED;
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final Database db;
    private final EditService edits;
    private final BillingService billing;
    private final Optional<AiSettings> ai;
    private final Optional<AiProvider> provider;
    private final Prompts prompts;
    private final PriceTable prices;
    private final Clock clock;
    private final Duration callLimit;
    /** Null when the AI is not configured (no turn starts then). */
    private final TurnRun.Parts parts;
    private final Map<UUID, TurnRun> running = new ConcurrentHashMap<>();
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
    public TurnService(Database db, EditService edits, ImageService images, BillingService billing, Optional<AiSettings> ai,
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
        this.parts = provider.map(p -> new TurnRun.Parts(db, edits, images, ai.get(), p, prompts, prices, clock, callLimit, running))
                .orElse(null);
    }

    /** Starts a turn and returns its id at once; the model runs on a worker thread. */
    public UUID start(UUID userId, UUID aideId, String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new Failure.Invalid("Say what changed.");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new Failure.Invalid("A message holds at most 10,000 characters.");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Failure.Invalid("A message cannot hold the NUL character.");
        }
        if (provider.isEmpty()) {
            // Said to the person using the page; how to switch the AI on is for the operator (README, start-up log).
            throw new Failure.Unavailable("The AI isn’t switched on here. Nothing was changed; everything on the page can be edited by hand.");
        }
        Tier tier = edits.read(userId, aideId, (snapshot, version) -> TierClassifier.classify(snapshot, text));
        boolean free = billing.plan(userId) == Plan.FREE;
        Instant now = clock.instant();
        var run = db.asUser(userId, handle -> {
            var dao = handle.attach(TurnDao.class);
            var week = TurnAdmission.admit(dao, free, now);
            dao.closeAbandoned(aideId, now.minus(ABANDONED_AFTER));
            UUID turnId = dao.start(aideId, tier.name().toLowerCase(Locale.ROOT), AiProviders.model(ai.get(), tier), prompts.version())
                    .orElseThrow(() -> new Failure.Conflict("A turn is already running on this page."));
            dao.countWeek(week.countWithNext(), week.startWithNext(now));
            var stored = storedMessages(new ChatDao(handle).recent(aideId, ROWS_READ_FOR_WINDOW));
            dao.say(aideId, turnId, "user", text);
            LiveTurnFrames.send(handle, db.notices(), aideId, LiveTurnFrames.of("turn.start", turnId).put("message", LiveTurnFrames.clip(text)));
            return new TurnRun(parts, turnId, userId, aideId, now, tier, ConversationWindow.pick(stored, text));
        });
        running.put(aideId, run);
        workers.execute(run::execute);
        return run.turnId();
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
            var row = dao.find(aideId, turnId).orElseThrow(Failure.NotFound::new);
            return new TurnView(row.status(), row.applied(), row.rejected(), dao.voices(turnId), row.error());
        });
    }

    /** The chat as the editor first draws it: the conversation, the turns left, whether a turn runs. */
    public EditorChat.State chat(UUID userId, UUID aideId) {
        boolean free = billing.plan(userId) == Plan.FREE;
        Instant now = clock.instant();
        var panel = ChatDao.panel(db, userId, aideId, 200);
        var lines = panel.lines().stream().map(row -> new EditorChat.Line(row.role(), row.text())).toList();
        Integer left = free ? TurnWeek.of(panel.week().turnCount(), panel.week().turnWeekStart(), now).freeTurnsLeft() : null;
        return new EditorChat.State(lines, left, panel.running());
    }

    /** The Stop button: stops the aide's running turn on whichever instance runs it. */
    public void interrupt(UUID userId, UUID aideId) {
        var local = running.get(aideId);
        if (local != null && local.userId().equals(userId)) {
            local.interrupt();
            return;
        }
        db.notices().send(INTERRUPTS, aideId.toString());
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

    /** Stops taking turns; running ones are stopped and closed (what they applied stays). */
    @Override
    public void close() {
        running.values().forEach(TurnRun::interrupt);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }
}
