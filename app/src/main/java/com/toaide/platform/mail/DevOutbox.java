package com.toaide.platform.mail;

import com.toaide.platform.db.Database;
import com.toaide.platform.db.DatabaseUnavailable;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * The mailer of the embedded default: instead of sending, it keeps each email in the database
 * so {@code /dev/outbox} can show it (and a test or a developer can follow its link).
 */
public final class DevOutbox implements EmailSender {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final int SHOWN = 50;

    private final Database db;

    public DevOutbox(Database db) {
        this.db = db;
    }

    @Override
    public void send(Email email) {
        var link = LINK.matcher(email.text()).results().map(match -> match.group()).findFirst().orElse(null);
        try {
            db.asSystem(handle -> {
                handle.attach(OutboxDao.class).add(email.to(), email.subject(), email.text(), link);
                return null;
            });
        } catch (DatabaseUnavailable | JdbiException e) {
            // The port's one failure, so callers answer as they would for a provider that is down.
            throw new EmailNotSent("outbox unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The newest emails first. */
    public List<OutboxEmail> newest() {
        return db.asSystem(handle -> handle.attach(OutboxDao.class).newest(SHOWN));
    }
}
