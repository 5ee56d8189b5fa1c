package com.toaide.auth;

import com.toaide.billing.Plan;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's account as of one moment: plan and this week's AI turns (counted by {@link TurnWeek}).
 * {@code turnsLimit} is null for Pro.
 */
public record Account(UUID id, String email, Plan plan, int turnsUsed, Integer turnsLimit, Instant weekResetsAt) {
    /** Null when there is no limit (Pro). */
    public Integer turnsLeft() {
        return turnsLimit == null ? null : Math.max(0, turnsLimit - turnsUsed);
    }

    static Account of(UUID id, String email, Plan plan, int turnCount, Instant turnWeekStart, Instant now) {
        var week = TurnWeek.of(turnCount, turnWeekStart, now);
        return new Account(id, email, plan, week.used(),
                plan == Plan.PRO ? null : TurnWeek.FREE_TURNS_PER_WEEK, week.resetsAt());
    }
}
