package com.toaide.platform.mail;

import java.util.Objects;

/**
 * One email to one person, in plain text and in HTML (clients that show HTML get the same
 * words as those that don't).
 */
public record Email(String to, String subject, String text, String html) {

    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    // The generated toString would print the address and the body into any log line.
    @Override
    public String toString() {
        return "Email[subject length " + subject.length() + "]";
    }
}
