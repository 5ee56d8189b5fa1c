package com.toaide.auth;

import com.toaide.platform.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in without email, for {@code aide.jar verify --full} only (docs/operations.md). Off
 * unless VERIFY_SECRET is set. The command proves it holds the secret without sending it: the
 * request carries {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.<editor host>">}, accepted
 * within a minute of the server's clock and only once. It signs in one fixed account,
 * {@value #EMAIL} (a reserved domain: no mail can reach it, so no magic link can take it over),
 * which holds nothing but what a verify run creates and deletes again; it is an ordinary user,
 * never an admin.
 */
public final class VerifySignIn {
    private static final Logger log = LoggerFactory.getLogger(VerifySignIn.class);

    public static final String EMAIL = "verify@aide.invalid";
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final Pattern HEADER = Pattern.compile("t=([0-9]{1,12}),v1=([0-9a-f]{64})");
    /** Signatures seen within the skew window; a replay inside it is refused. Bounded. */
    private static final int REMEMBERED = 1_000;

    private final Optional<String> secret;
    private final Database db;
    private final SessionService sessions;
    private final String host;
    private final Clock clock;
    private final Map<String, Long> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    public VerifySignIn(Optional<String> secret, Database db, SessionService sessions, String editorHost, Clock clock) {
        this.secret = secret;
        this.db = db;
        this.sessions = sessions;
        this.host = editorHost;
        this.clock = clock;
    }

    public boolean enabled() {
        return secret.isPresent();
    }

    /** A session of the verify account, or empty when the header does not prove the secret now. */
    public Optional<SessionService.Session> signIn(String header) {
        if (secret.isEmpty() || header == null) {
            return Optional.empty();
        }
        var matcher = HEADER.matcher(header.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long signedAt = Long.parseLong(matcher.group(1));
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - signedAt) > SKEW.toSeconds()) {
            return Optional.empty();
        }
        byte[] expected = signature(secret.get(), signedAt, host).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(2).getBytes(StandardCharsets.US_ASCII)) || !firstUse(matcher.group(2), now)) {
            return Optional.empty();
        }
        var user = db.asSystem(handle -> {
            var dao = handle.attach(MagicLinkDao.class);
            dao.createUser(EMAIL);
            return dao.userId(EMAIL);
        });
        log.info("The verify account signed in (aide.jar verify --full)");
        return Optional.of(sessions.start(user));
    }

    private synchronized boolean firstUse(String signature, long now) {
        seen.values().removeIf(at -> now - at > 2 * SKEW.toSeconds());
        return seen.putIfAbsent(signature, now) == null;
    }

    /** HMAC-SHA256 of "{seconds}.{host}", hex: what {@code aide.jar verify} sends. */
    public static String signature(String secret, long epochSeconds, String host) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((epochSeconds + "." + host).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
