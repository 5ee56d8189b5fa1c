/**
 * Outgoing email: the {@link com.toaide.platform.mail.EmailSender} port, the
 * {@link com.toaide.platform.mail.Email} it sends, and the Resend adapter used in production.
 * (The dev outbox, which keeps emails in Postgres instead of sending them, lives here too.)
 *
 * <p>Owns the wire format to the mail provider; knows nothing of sign-in or billing, whose
 * services compose the emails. Addresses and bodies are personal data: nothing in this
 * package logs them or puts them in exception messages.
 */
package com.toaide.platform.mail;
