package com.toaide.platform.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * The expected failures of the domain, said in the product's voice: what the user sees is the
 * message; what operators need is the optional log detail (logged, never shown). Services throw
 * these and know nothing of HTTP; platform/web's Errors maps each kind to a status code, once.
 * A failure that is not one of these is unexpected: a 500, reported.
 */
public abstract sealed class Failure extends RuntimeException
        permits Failure.NotFound, Failure.Invalid, Failure.TooLarge, Failure.Unsupported, Failure.Unusable,
                Failure.NotAllowed, Failure.Conflict, Failure.Gone, Failure.Limited, Failure.Unavailable {
    private final String logDetail;

    private Failure(String message, String logDetail, Throwable cause) {
        // No stack trace: these are answers, not bugs; the cause keeps its own.
        super(message, cause, false, false);
        this.logDetail = logDetail;
    }

    /** What operators need to know (logged, never shown). */
    public Optional<String> logDetail() {
        return Optional.ofNullable(logDetail);
    }

    /** When the user may try again, for the kinds that know. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** Not there, or not the user's: the two are never told apart. */
    public static final class NotFound extends Failure {
        public NotFound() {
            this(null);
        }

        /** @param message what is missing, when saying so tells nothing about another user's data */
        public NotFound(String message) {
            super(message, null, null);
        }
    }

    /** The input is wrong; nothing was changed. */
    public static final class Invalid extends Failure {
        public Invalid(String message) {
            this(message, null, null);
        }

        public Invalid(String message, String logDetail, Throwable cause) {
            super(message, logDetail, cause);
        }
    }

    /** The input is over a size limit; nothing was changed. */
    public static final class TooLarge extends Failure {
        public TooLarge(String message) {
            super(message, null, null);
        }
    }

    /** A kind of content AIde does not take (a file that is not a picture). */
    public static final class Unsupported extends Failure {
        public Unsupported(String message) {
            super(message, null, null);
        }
    }

    /** Well-formed, but nothing usable came of it (a damaged picture, an edit whose every event was refused). */
    public static final class Unusable extends Failure {
        public Unusable(String message) {
            super(message, null, null);
        }
    }

    /** The user's plan does not include it. */
    public static final class NotAllowed extends Failure {
        public NotAllowed(String message) {
            super(message, null, null);
        }
    }

    /** The state does not allow it now (taken, already running, nothing to undo, a plan's count). */
    public static final class Conflict extends Failure {
        public Conflict(String message) {
            super(message, null, null);
        }
    }

    /** It existed once and is no longer kept. */
    public static final class Gone extends Failure {
        public Gone(String message) {
            super(message, null, null);
        }
    }

    /** Too many, too often: try again later. */
    public static final class Limited extends Failure {
        private final Duration retryAfter;

        public Limited(String message) {
            this(message, null);
        }

        /** @param retryAfter when to try again (sent as Retry-After), or null when it is not known */
        public Limited(String message, Duration retryAfter) {
            super(message, null, null);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** Something AIde depends on (storage, Stripe, the mailer, the model) is not answering; nothing was lost. */
    public static final class Unavailable extends Failure {
        private final Duration retryAfter;

        public Unavailable(String message) {
            this(message, null, null);
        }

        /** @param retryAfter when to try again (sent as Retry-After) */
        public Unavailable(String message, Duration retryAfter) {
            super(message, null, null);
            this.retryAfter = retryAfter;
        }

        public Unavailable(String message, String logDetail, Throwable cause) {
            super(message, logDetail, cause);
            this.retryAfter = null;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }
}
