package com.toaide.platform.mail;

/** Sends email. Implementations throw {@link EmailNotSent} when the email was not accepted. */
public interface EmailSender {

    void send(Email email) throws EmailNotSent;
}
