package com.toaide.auth;

import com.toaide.billing.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's account as of one moment: plan and this week's AI turns.
 *
 * <p>Free users have {@value #FREE_TURNS_PER_WEEK} turns per rolling week. A week starts at the
 * first turn after the previous one ended and lasts 7 days; until the next turn starts a new
 * week, no turns count and there is no reset time. {@code turnsLimit} is null for Pro.
 */
public record Account(UUID id, String email, Tier tier, int turnsUsed, Integer turnsLimit, Instant weekResetsAt) {
    public static final int FREE_TURNS_PER_WEEK = 50;
    public static final Duration TURN_WEEK = Duration.ofDays(7);

    /** Null when there is no limit (Pro). */
    public Integer turnsLeft() {
        return turnsLimit == null ? null : Math.max(0, turnsLimit - turnsUsed);
    }

    static Account of(UUID id, String email, Tier tier, int turnCount, Instant turnWeekStart, Instant now) {
        boolean weekRunning = turnWeekStart != null && turnWeekStart.plus(TURN_WEEK).isAfter(now);
        return new Account(id, email, tier,
                weekRunning ? turnCount : 0,
                tier == Tier.PRO ? null : FREE_TURNS_PER_WEEK,
                weekRunning ? turnWeekStart.plus(TURN_WEEK) : null);
    }
}
