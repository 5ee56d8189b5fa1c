package com.toaide.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A user's AI turns this week, the one rule for counting them: free users have
 * {@value #FREE_TURNS_PER_WEEK} turns per rolling week; a week starts at the first turn after
 * the previous one ended and lasts 7 days; until the next turn starts a new week, no turns count
 * and there is no reset time.
 *
 * @param used     turns counted in the running week (0 when none runs)
 * @param start    when the running week started, or null when none runs
 */
public record TurnWeek(int used, Instant start) {
    public static final int FREE_TURNS_PER_WEEK = 50;
    public static final Duration LENGTH = Duration.ofDays(7);

    /** The week as of {@code now} from the stored count and start. */
    public static TurnWeek of(int storedCount, Instant storedStart, Instant now) {
        boolean running = storedStart != null && storedStart.plus(LENGTH).isAfter(now);
        return running ? new TurnWeek(storedCount, storedStart) : new TurnWeek(0, null);
    }

    /** When the running week ends, or null when none runs. */
    public Instant resetsAt() {
        return start == null ? null : start.plus(LENGTH);
    }

    public boolean freeTurnsUsedUp() {
        return used >= FREE_TURNS_PER_WEEK;
    }

    public int freeTurnsLeft() {
        return Math.max(0, FREE_TURNS_PER_WEEK - used);
    }

    /** The count to store once one more turn starts. */
    public int countWithNext() {
        return used + 1;
    }

    /** The week start to store once one more turn starts at {@code now}. */
    public Instant startWithNext(Instant now) {
        return start == null ? now : start;
    }
}
