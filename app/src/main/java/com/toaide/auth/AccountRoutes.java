package com.toaide.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.toaide.billing.BillingService;
import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** {@code /account}: plan and turns, the data export, deleting the account. */
public final class AccountRoutes {
    private static final String NOT_CONFIRMED = "The address typed did not match this account's. Nothing was deleted.";

    private final AccountService accounts;
    private final PhotoStorage photos;
    private final BillingService billing;
    private final SessionGuard sessionGuard;
    private final Views views;
    private final Assets assets;

    public AccountRoutes(AccountService accounts, BillingService billing, SessionGuard sessionGuard, Views views, Assets assets,
                         PhotoStorage photos) {
        this.accounts = accounts;
        this.photos = photos;
        this.billing = billing;
        this.sessionGuard = sessionGuard;
        this.views = views;
        this.assets = assets;
    }

    record AccountAnswer(String email, String tier, @JsonProperty("turns_used") int turnsUsed,
                         @JsonProperty("turns_limit") Integer turnsLimit, @JsonProperty("week_resets_at") String weekResetsAt) {
        static AccountAnswer of(Account account) {
            return new AccountAnswer(account.email(), account.plan().code(), account.turnsUsed(), account.turnsLimit(),
                    account.weekResetsAt() == null ? null : account.weekResetsAt().toString());
        }
    }

    public void show(Context ctx) {
        var account = accounts.account(RequestUser.require(ctx));
        if (Errors.wantsJson(ctx)) {
            ctx.json(AccountAnswer.of(account));
            return;
        }
        views.html(ctx, "auth/account.jte", AccountPage.of(layout(), account, billing.planView(account.id(), BillingService.Arrival.of(ctx.queryParam("upgraded"), ctx.queryParam("billing"))),
                photos.used(account.id()), null));
    }

    public void export(Context ctx) {
        String document = accounts.export(RequestUser.require(ctx));
        String file = "aide-export-" + LocalDate.now(ZoneOffset.UTC) + ".json";
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(document);
    }

    public void delete(Context ctx) {
        var userId = RequestUser.require(ctx);
        if (!accounts.delete(userId, ctx.formParam("confirm_email"))) {
            ctx.status(HttpStatus.BAD_REQUEST);
            views.html(ctx, "auth/account.jte", AccountPage.of(layout(), accounts.account(userId), billing.planView(userId), photos.used(userId), NOT_CONFIRMED));
            return;
        }
        sessionGuard.clearCookie(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private Layout layout() {
        return new Layout("Account", assets, true);
    }
}
