package com.toaide.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailSender} must do. Each adapter's test extends this, supplies a sender,
 * reads back what reached the far end (Resend's API, the dev outbox's table), and supplies a
 * sender whose far end is away.
 */
abstract class EmailSenderContractTest {

    /** What the far end received, in the order it received it. */
    record Delivered(String to, String subject, String text) {}

    protected abstract EmailSender sender();

    protected abstract List<Delivered> delivered() throws Exception;

    /** A sender whose far end cannot take the email (down, or refusing). */
    protected abstract EmailSender senderThatCannotDeliver();

    static Email email(String to, String subject, String text) {
        return new Email(to, subject, text, "<p>" + text + "</p>");
    }

    @Test
    void a_sent_email_arrives_once_with_its_recipient_subject_and_text() throws Exception {
        sender().send(email("ada@example.com", "Sign in to AIde", "Open https://aide.example/auth/verify?token=abc to sign in."));

        assertThat(delivered()).containsExactly(
                new Delivered("ada@example.com", "Sign in to AIde", "Open https://aide.example/auth/verify?token=abc to sign in."));
    }

    @Test
    void words_in_any_script_arrive_unchanged() throws Exception {
        String text = "Grüße aus Köln, 東京 und Łódź: «ok» — 👍\nzweite Zeile";
        sender().send(email("zoë@example.com", "Anmeldung für Café Ünal", text));

        assertThat(delivered()).containsExactly(new Delivered("zoë@example.com", "Anmeldung für Café Ünal", text));
    }

    @Test
    void two_emails_arrive_as_two_in_the_order_sent() throws Exception {
        sender().send(email("first@example.com", "One", "first"));
        sender().send(email("second@example.com", "Two", "second"));

        assertThat(delivered()).extracting(Delivered::to).containsExactly("first@example.com", "second@example.com");
    }

    @Test
    void an_email_that_cannot_be_delivered_is_email_not_sent_naming_neither_address_nor_words() {
        Email email = email("private.person@example.com", "Sign in to AIde", "secret-token-123");

        EmailNotSent e = catchThrowableOfType(EmailNotSent.class, () -> senderThatCannotDeliver().send(email));

        assertThat(e).as("the sender said it was not sent").isNotNull();
        assertThat(e.getMessage()).doesNotContain("private.person", "secret-token-123");
    }
}
