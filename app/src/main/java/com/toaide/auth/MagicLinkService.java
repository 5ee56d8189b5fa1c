package com.toaide.auth;

import com.toaide.platform.db.Database;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.platform.mail.Email;
import com.toaide.platform.mail.EmailNotSent;
import com.toaide.platform.mail.EmailSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in by magic link (docs/security.md). A link carries 32 random bytes; only their SHA-256 is
 * stored; it lasts 15 minutes and works once. Every answer is the same whether or not the
 * address has an account: an account is made on the first sign-in.
 */
public final class MagicLinkService {
    private static final Logger log = LoggerFactory.getLogger(MagicLinkService.class);

    static final int LINK_MINUTES = 15;
    /**
     * Links per mailbox ({@link #mailbox}) in a window as long as a link lives. Windows are fixed
     * and links outlive the window they were sent in, so whenever this limit refuses, the links
     * already sent in the window still work: a stranger asking for someone's links fills their
     * inbox a little, but cannot keep them from signing in.
     */
    static final RateLimiter.Limit LINKS_PER_EMAIL = new RateLimiter.Limit("login:mailbox", 3, Duration.ofMinutes(LINK_MINUTES));
    static final RateLimiter.Limit LINKS_PER_IP = new RateLimiter.Limit("login:ip", 20, Duration.ofHours(1));
    static final RateLimiter.Limit VERIFIES_PER_IP = new RateLimiter.Limit("verify:ip", 10, Duration.ofMinutes(1));

    // The shape of an address, not its deliverability: one @, something on each side, a dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final Runnable onSignUp;
    private final Database db;
    private final EmailSender mailer;
    private final RateLimiter limiter;
    private final SessionService sessions;
    private final URI editorUrl;
    private final SecureRandom random = new SecureRandom();

    /** {@code onSignUp} runs when a link creates an account (the traffic-spike alert counts them). */
    public MagicLinkService(Database db, EmailSender mailer, RateLimiter limiter, SessionService sessions, URI editorUrl,
                            Runnable onSignUp) {
        this.onSignUp = onSignUp;
        this.db = db;
        this.mailer = mailer;
        this.limiter = limiter;
        this.sessions = sessions;
        this.editorUrl = editorUrl;
    }

    /** Why a link did not sign anyone in; {@link #code()} is the sign-in page's {@code ?error=}. */
    public enum Failure {
        INVALID_LINK, LINK_USED, LINK_EXPIRED, TOO_MANY_ATTEMPTS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of following a link: a new session, or the reason there is none. */
    public sealed interface Verification permits SignedIn, Refused {}

    public record SignedIn(SessionService.Session session) implements Verification {}

    public record Refused(Failure failure) implements Verification, Preview {}

    /** What a link would do, before anyone clicks: sign in as {@code email}, or nothing and why. */
    public sealed interface Preview permits Pending, Refused {}

    public record Pending(String email) implements Preview {}

    /**
     * Emails a sign-in link to {@code rawEmail}. Returns the link's {@link #browserTag}, for the
     * browser that asked, or empty when the input is not an email address; throws
     * a 429 {@link com.toaide.platform.failure.Failure.Limited} when too many links were asked for.
     */
    public Optional<String> requestLink(String rawEmail, String clientIp) {
        limiter.enforce(LINKS_PER_IP, clientIp, "Too many sign-in links were requested from this network.");
        var email = normalize(rawEmail);
        if (email.isEmpty()) {
            return Optional.empty();
        }
        limiter.enforce(LINKS_PER_EMAIL, mailbox(email.get()),
                "Sign-in links were sent to this address a few minutes ago and still work: use the newest one in your inbox (or spam folder).");

        byte[] token = new byte[32];
        random.nextBytes(token);
        String tokenText = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        db.asSystem(handle -> {
            handle.attach(MagicLinkDao.class).create(email.get(), sha256(tokenText), clientIp, LINK_MINUTES);
            return null;
        });
        // Sent after the transaction has committed: no network inside a transaction.
        send(email.get(), editorUrl + "/auth/verify?token=" + tokenText);
        return Optional.of(browserTag(tokenText));
    }

    /**
     * What the browser that asked for a link keeps in a cookie, so that opening the link there
     * can sign in without a question. Derived from the token (one way): another site can
     * neither read it nor set it for its own token.
     */
    static String browserTag(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("browser:" + token));
    }

    /** Which account a link signs in to, without using it up (the page that asks for the click). */
    public Preview preview(String token, String clientIp) {
        if (!limiter.hit(VERIFIES_PER_IP, clientIp).allowed()) {
            return new Refused(Failure.TOO_MANY_ATTEMPTS);
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Refused(Failure.INVALID_LINK);
        }
        byte[] hash = sha256(token);
        return db.asSystem(handle -> {
            var dao = handle.attach(MagicLinkDao.class);
            return dao.pendingEmail(hash).<Preview>map(Pending::new).orElseGet(() -> refusal(dao, hash));
        });
    }

    private static Refused refusal(MagicLinkDao dao, byte[] hash) {
        return new Refused(dao.state(hash).map(s -> s.equals("used") ? Failure.LINK_USED : Failure.LINK_EXPIRED)
                .orElse(Failure.INVALID_LINK));
    }

    /** Consumes the link's token and starts a session for its address, creating the account on first use. */
    public Verification verify(String token, String clientIp) {
        if (!limiter.hit(VERIFIES_PER_IP, clientIp).allowed()) {
            return new Refused(Failure.TOO_MANY_ATTEMPTS);
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Refused(Failure.INVALID_LINK);
        }
        byte[] hash = sha256(token);
        Optional<UUID> user = db.asSystem(handle -> {
            var dao = handle.attach(MagicLinkDao.class);
            return dao.consume(hash).map(email -> {
                if (dao.createUser(email) == 1) {
                    onSignUp.run();
                }
                return dao.userId(email);
            });
        });
        if (user.isPresent()) {
            return new SignedIn(sessions.start(user.get()));
        }
        return db.asSystem(handle -> refusal(handle.attach(MagicLinkDao.class), hash));
    }

    /** Lower-cased and trimmed, when it has the shape of an email address. */
    static Optional<String> normalize(String rawEmail) {
        if (rawEmail == null) {
            return Optional.empty();
        }
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }

    /**
     * The inbox an address delivers to, as far as common providers tell: without a {@code +tag}
     * (nearly every provider delivers {@code ada+x@} to {@code ada@}), and without dots at Gmail.
     * Only the per-address limit uses it: the account and the delivery stay the exact address,
     * since tags are how people keep accounts apart and not every server ignores them.
     */
    static String mailbox(String email) {
        int at = email.lastIndexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    private void send(String to, String link) {
        String text = """
                Sign in to AIde with this link:

                %s

                It works for %d minutes, once. If you did not ask to sign in, ignore this email; nothing changes.
                """.formatted(link, LINK_MINUTES);
        String html = """
                <p>Sign in to AIde with this link:</p>
                <p><a href="%1$s">Sign in to AIde</a></p>
                <p style="word-break:break-all;color:#5f5e58">%1$s</p>
                <p>It works for %2$d minutes, once. If you did not ask to sign in, ignore this email; nothing changes.</p>
                """.formatted(link, LINK_MINUTES);
        try {
            mailer.send(new Email(to, "Sign in to AIde", text, html));
        } catch (EmailNotSent e) {
            // The provider's status only; the address stays out of logs.
            log.warn("Sign-in email not sent: {}", e.getMessage());
            throw new com.toaide.platform.failure.Failure.Unavailable("The sign-in email could not be sent just now. Try again in a few minutes.");
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
