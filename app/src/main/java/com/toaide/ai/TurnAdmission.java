package com.toaide.ai;

import com.toaide.auth.TurnWeek;
import com.toaide.platform.failure.Failure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Whether a user may start a turn now: the free plan's weekly turns ({@link TurnWeek},
 * the same rule the account page shows) and the abuse guard of {@value #TURNS_PER_HOUR} turns
 * an hour on every plan. Runs inside the transaction that starts the turn, on the user's row
 * locked, so two tabs cannot both take the last turn.
 */
final class TurnAdmission {
    /** The abuse guard: more turns than this in an hour are refused, on every plan. */
    static final int TURNS_PER_HOUR = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TurnAdmission() {}

    /** The user's week as it stands; throws a 429 in the product's words when the turn may not start. */
    static TurnWeek admit(TurnDao dao, boolean free, Instant now) {
        var stored = dao.lockWeek().orElseThrow(Failure.NotFound::new);
        var week = TurnWeek.of(stored.turnCount(), stored.turnWeekStart(), now);
        if (free && week.freeTurnsUsedUp()) {
            Instant resets = week.resetsAt();
            throw new Failure.Limited("The free plan includes " + TurnWeek.FREE_TURNS_PER_WEEK
                    + " AI turns a week, and this week's are used. More on " + DAY.format(resets)
                    + ", or upgrade to Pro for no weekly limit. Editing the page by hand still works.",
                    Duration.between(now, resets));
        }
        if (dao.startedSince(now.minus(Duration.ofHours(1))) >= TURNS_PER_HOUR) {
            throw new Failure.Limited("More than " + TURNS_PER_HOUR + " turns in an hour. Try again later.", Duration.ofMinutes(10));
        }
        return week;
    }
}
