package com.toaide.auth;

import com.toaide.billing.BillingService;
import com.toaide.kernel.Json;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed-in user's account: plan and weekly turns, the export of everything they own, and
 * deleting it all. Every read and write runs as that user, so row-level security scopes it.
 */
public final class AccountService {
    private final Database db;
    private final BillingService billing;
    private final List<AccountCleanup> cleanups;
    private final Clock clock;

    /** {@code cleanups} run, in order, before an account is deleted (publishing removes its pages). */
    public AccountService(Database db, BillingService billing, List<AccountCleanup> cleanups, Clock clock) {
        this.db = db;
        this.billing = billing;
        this.cleanups = List.copyOf(cleanups);
        this.clock = clock;
    }

    public Account account(UUID userId) {
        var row = db.asUser(userId, handle -> handle.attach(AccountDao.class).user(userId)).orElseThrow(Failure.NotFound::new);
        return Account.of(row.id(), row.email(), billing.plan(userId), row.turnCount(), row.turnWeekStart(), clock.instant());
    }

    /** Everything the user owns, as one JSON document (the user row without Stripe ids). */
    public String export(UUID userId) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("format", "aide-export-1");
        document.put("exported_at", clock.instant().toString());
        db.asUser(userId, handle -> {
            var dao = handle.attach(AccountDao.class);
            document.set("user", Json.MAPPER.readTree(dao.exportUser(userId)));
            document.set("aides", Json.MAPPER.readTree(dao.exportAides()));
            document.set("events", Json.MAPPER.readTree(dao.exportEvents()));
            document.set("conversations", Json.MAPPER.readTree(dao.exportConversations()));
            document.set("turns", Json.MAPPER.readTree(dao.exportTurns()));
            document.set("published_versions", Json.MAPPER.readTree(dao.exportPublishedVersions()));
            return null;
        });
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /**
     * Deletes the account and everything in it when {@code typedEmail} is the account's address;
     * returns false (and deletes nothing) otherwise. Its sessions go with it, so every cookie
     * stops working.
     */
    public boolean delete(UUID userId, String typedEmail) {
        var email = MagicLinkService.normalize(typedEmail);
        if (email.isEmpty() || !email.get().equals(account(userId).email())) {
            return false;
        }
        // Outside the transaction: cleanups may call object storage.
        cleanups.forEach(cleanup -> cleanup.beforeDelete(userId));
        db.asUser(userId, handle -> handle.attach(AccountDao.class).delete(userId));
        return true;
    }
}
