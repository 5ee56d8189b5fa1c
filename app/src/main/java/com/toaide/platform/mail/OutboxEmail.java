package com.toaide.platform.mail;

import java.time.Instant;

/** An email the app would have sent; {@code link} is the first link in it, or null. */
public record OutboxEmail(String recipient, String subject, String body, String link, Instant createdAt) {}
