package com.toaide.ai;

import com.toaide.aides.EditService;
import com.toaide.auth.TurnWeek;
import com.toaide.images.ImageService;
import com.toaide.platform.observe.FailureReporter;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AI turn, run on a worker thread: one model call, or two when the fast tier escalates.
 * Each tool call is applied the moment it arrives; three rejections in a row, the Stop button or
 * a provider failure end the turn; {@code finish} records the outcome and sends the last frames.
 */
final class TurnRun implements TurnListener {
    private static final Logger log = LoggerFactory.getLogger(TurnRun.class);
    private static final int REJECTIONS_IN_A_ROW = 3;

    /** What every turn of a {@link TurnService} shares: its collaborators and its running turns. */
    record Parts(Database db, EditService edits, ImageService images, AiSettings ai, AiProvider provider, Prompts prompts,
                 PriceTable prices, Clock clock, Duration callLimit, Map<UUID, TurnRun> running) {}

    private final Parts parts;
    private final UUID turnId;
    private final UUID userId;
    private final UUID aideId;
    /** When the turn was counted: a turn given back is taken off the week it was counted in. */
    private final Instant startedAt;
    final List<Message> window;
    final String batchId;
    final long startNanos = System.nanoTime();
    final List<String> voices = new ArrayList<>();
    volatile Tier tier;
    volatile String model;
    volatile TurnStream stream;
    volatile boolean interrupted;
    volatile String stopMessage;
    /** Why the turn stopped itself, as the turn record says: "rejections" or "page_full". */
    volatile String stopCode;
    volatile ProviderError error;
    int applied;
    int rejected;
    int rejectedInRow;
    boolean escalated;
    Integer firstChangeMs;
    Usage usage = Usage.NONE;
    BigDecimal cost = BigDecimal.ZERO;

    TurnRun(Parts parts, UUID turnId, UUID userId, UUID aideId, Instant startedAt, Tier tier, List<Message> window) {
        this.parts = parts;
        this.startedAt = startedAt;
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
            FailureReporter.background(log, "AI turn", e, userId);
            if (error == null) {
                error = new ProviderError(ProviderError.Kind.INTERRUPTED, "the turn failed", applied > 0, 0, 0);
            }
        } finally {
            try {
                finish();
            } catch (RuntimeException e) {
                FailureReporter.background(log, "Closing an AI turn", e, userId);
            }
            parts.running().remove(aideId, this);
        }
    }

    private void call() throws InterruptedException {
        model = AiProviders.model(parts.ai(), tier);
        Tier on = tier;
        var photos = TurnPhotos.listed(parts.images(), userId, aideId);
        var request = parts.edits().read(userId, aideId, (snapshot, version) -> parts.prompts().request(model, on, snapshot,
                photos, window, LocalDate.ofInstant(parts.clock().instant(), ZoneOffset.UTC)));
        error = null;
        var started = parts.provider().stream(request, this);
        stream = started;
        if (interrupted || stopMessage != null) {
            started.cancel();
        }
        if (!started.await(parts.callLimit())) {
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
        String badPhoto = TurnPhotos.unknown(parts.images(), userId, aideId, event);
        if (badPhoto != null) {
            log.info("Turn {} skipped a {} call ({}): {} is not one of this aide's photos", turnId, call.name(), call.id(), badPhoto);
            reject();
            return;
        }
        boolean voice = type.equals("voice");
        String text = voice ? LiveTurnFrames.clip(event.path("text").asString("")) : null;
        EditService.TurnApplied outcome;
        try {
            outcome = parts.edits().applyTurnEvent(userId, aideId, batchId, event, (handle, result) -> {
                if (voice && result.accepted()) {
                    var dao = handle.attach(TurnDao.class);
                    dao.say(aideId, turnId, "voice", text);
                    LiveTurnFrames.send(handle, parts.db().notices(), aideId, LiveTurnFrames.of("voice", turnId).put("text", text));
                }
            });
        } catch (Failure.TooLarge full) {
            stop("page_full", full.getMessage());
            return;
        }
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
            stop("rejections", "Stopped after " + REJECTIONS_IN_A_ROW + " changes in a row could not be applied."
                    + (applied > 0 ? " Changes so far are kept." : "") + " Try saying it another way.");
        }
    }

    /** Ends the turn with {@code message} for the person: the stream is cancelled, changes so far stay. */
    private void stop(String code, String message) {
        stopCode = code;
        stopMessage = message;
        var current = stream;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onText(String text) {
        log.info("Turn {}: the model wrote {} characters outside tools", turnId, text.length());
    }

    @Override
    public void onUsage(Usage callUsage) {
        usage = usage.plus(callUsage);
        cost = cost.add(parts.prices().cost(callUsage, model));
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
            return stopCode;
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
        // Fair counting (docs/ai.md): a turn that ended without changing the page (the model down,
        // refusing, stalled, or stopped before its first change) does not use up one of the week's turns.
        boolean givenBack = !status.equals("done") && applied == 0;
        String fallback = voices.isEmpty() && (shown == null || applied > 0) ? VoiceRules.fallback(applied) : null;
        var record = new TurnDao.Finish(turnId, status, tier.name().toLowerCase(Locale.ROOT), model, parts.prompts().version(),
                usage.inputTokens(), usage.outputTokens(), usage.cacheWriteTokens(), usage.cacheReadTokens(),
                firstChangeMs, (int) elapsedMillis(), applied, rejected, cost,
                errorCode());
        parts.db().asUser(userId, handle -> {
            var dao = handle.attach(TurnDao.class);
            if (fallback != null) {
                dao.say(aideId, turnId, "voice", fallback);
                LiveTurnFrames.send(handle, parts.db().notices(), aideId, LiveTurnFrames.of("voice", turnId).put("text", fallback));
            }
            if (shown != null) {
                dao.say(aideId, turnId, "notice", shown);
                if (!interrupted) {
                    LiveTurnFrames.send(handle, parts.db().notices(), aideId, LiveTurnFrames.of("turn.error", turnId).put("error", shown));
                }
            }
            dao.finish(record);
            if (givenBack) {
                dao.giveBack(startedAt, parts.clock().instant());
            }
            var week = new ChatDao(handle).week().orElse(new TurnDao.WeekCount(0, null));
            var end = LiveTurnFrames.of("turn.end", turnId).put("status", status).put("applied", applied).put("rejected", rejected)
                    .put("counted", !givenBack)
                    .put("turns_left", TurnWeek.of(week.turnCount(), week.turnWeekStart(), parts.clock().instant()).freeTurnsLeft());
            if (interrupted) {
                end.put("notice", shown);
            }
            LiveTurnFrames.send(handle, parts.db().notices(), aideId, end);
            return null;
        });
    }

    UUID turnId() {
        return turnId;
    }

    UUID userId() {
        return userId;
    }
}
