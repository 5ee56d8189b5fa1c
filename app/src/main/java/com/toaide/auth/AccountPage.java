package com.toaide.auth;

import com.toaide.billing.PlanView;
import com.toaide.platform.web.Layout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The account page: every line already worded, so the template only places them. */
public record AccountPage(Layout layout, String email, PlanView plan, String turns, String week, String photos, String error) {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static AccountPage of(Layout layout, Account account, PlanView plan, String photos, String error) {
        String turns = account.turnsLimit() == null
                ? account.turnsUsed() + " AI turns this week. Pro has no weekly limit."
                : account.turnsUsed() + " of " + account.turnsLimit() + " AI turns used this week; " + account.turnsLeft() + " left.";
        String week = account.weekResetsAt() == null
                ? "A new week starts with your next turn."
                : "The week resets " + WHEN.format(account.weekResetsAt()) + ".";
        return new AccountPage(layout, account.email(), plan, turns, week, photos, error);
    }
}
