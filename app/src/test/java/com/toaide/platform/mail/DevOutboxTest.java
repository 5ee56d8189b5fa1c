package com.toaide.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dev outbox: the mailer port's contract against a real database, then its page. */
class DevOutboxTest extends EmailSenderContractTest {
    private Database db;
    private DevOutbox outbox;
    private Database away;

    @BeforeEach
    void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 2);
        outbox = new DevOutbox(db);
    }

    @AfterEach
    void close() {
        db.close();
        if (away != null) {
            away.close();
        }
    }

    @Override
    protected EmailSender sender() {
        return outbox;
    }

    @Override
    protected List<Delivered> delivered() {
        var oldestFirst = new ArrayList<>(outbox.newest());
        Collections.reverse(oldestFirst);
        return oldestFirst.stream().map(e -> new Delivered(e.recipient(), e.subject(), e.body())).toList();
    }

    @Override
    protected EmailSender senderThatCannotDeliver() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        away = Database.connect(ConnectionSettings.parse("jdbc:postgresql://127.0.0.1:" + closedPort + "/aide?user=aide"), 1);
        return new DevOutbox(away);
    }

    @Test
    void the_outbox_shows_the_newest_email_first_with_its_recipient_and_link() {
        try (var app = TestApp.start()) {
            try (var db = Database.connect(app.database, 1)) {
                var outbox = new DevOutbox(db);
                outbox.send(new Email("first@example.com", "Sign in to AIde", "Open http://localhost/auth/verify?token=one to sign in.", "<p>x</p>"));
                outbox.send(new Email("second@example.com", "Sign in to AIde", "Open http://localhost/auth/verify?token=two to sign in.", "<p>x</p>"));
            }
            var page = app.get("/dev/outbox");
            assertThat(page.statusCode()).isEqualTo(200);
            String body = page.body();
            assertThat(body).contains("second@example.com", "first@example.com", "href=\"http://localhost/auth/verify?token=two\"");
            assertThat(body.indexOf("second@example.com")).isLessThan(body.indexOf("first@example.com"));
        }
    }

    @Test
    void the_outbox_is_not_found_when_a_real_mailer_is_configured() {
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("RESEND_API_KEY", "re_test", "EMAIL_FROM", "AIde <hello@example.com>"))) {
            assertThat(app.get("/dev/outbox").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void an_email_is_stored_with_its_first_link() {
        outbox.send(new Email("a@example.com", "Hello", "No link here.", "<p>No link here.</p>"));
        outbox.send(new Email("a@example.com", "Hello", "First https://a.example/x then https://b.example/y", "<p></p>"));
        assertThat(outbox.newest()).extracting(OutboxEmail::link).containsExactly("https://a.example/x", null);
    }
}
