package com.toaide.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.toaide.kernel.Json;
import com.toaide.platform.db.DatabaseUnavailable;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.observe.FailureReporter;
import com.toaide.platform.storage.StorageUnavailable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes one plain page (or JSON, by {@code Accept}) with the request id.
 * Unexpected errors are reported once; expected ones (404, 403, a database outage) are not.
 */
public final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private final Views views;
    private final Assets assets;
    public Errors(Views views, Assets assets) {
        this.views = views;
        this.assets = assets;
    }

    public void register(RoutesConfig routes) {
        // Javalin answers its own HTTP exceptions itself unless a handler names their class.
        routes.exception(HttpResponseException.class, this::answer);
        routes.exception(Exception.class, this::answer);
        routes.error(404, ctx -> {
            if (isEmpty(ctx)) {
                respond(ctx, 404, null);
            }
        });
    }

    private void answer(Exception e, Context ctx) {
        var refusal = refusal(e, ctx.method().name(), RoutePattern.of(ctx), RequestIds.of(ctx), RequestUser.of(ctx).orElse(null));
        if (refusal.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        respond(ctx, refusal.status(), refusal.message());
    }

    /** What a failure is answered with; {@code retryAfterSeconds} 0 sends no Retry-After, a null message the status's own. */
    public record Refusal(int status, String message, long retryAfterSeconds) {}

    /**
     * The one place an exception from a route becomes its answer, logged (expected failures) or
     * reported (everything else) on the way. {@code user} is null when nobody is signed in.
     */
    public Refusal refusal(Exception e, String method, String route, String requestId, UUID user) {
        if (e instanceof HttpResponseException http) {
            return new Refusal(http.getStatus(), http.getMessage(), 0);
        } else if (e instanceof DatabaseUnavailable database) {
            // The SQLSTATE, not the message: that quotes the statement and the values it carried.
            log.warn("Database {} (SQLSTATE {})", database.busy() ? "busy" : "unavailable", database.sqlState().orElse("none"));
            return new Refusal(503, database.busy()
                    ? "AIde is busy right now. Nothing was lost; try again in a moment."
                    : "AIde can't reach its database right now. Nothing was lost; try again in a minute.", database.busy() ? 2 : 30);
        } else if (e instanceof StorageUnavailable) {
            log.warn("Storage unavailable: {}", e.getMessage());
            return new Refusal(503, "AIde can't reach its file storage right now. Nothing was lost; try again in a minute.", 0);
        } else if (e instanceof Failure failure) {
            int status = status(failure);
            failure.logDetail().ifPresent(detail -> log.warn("{} on {} {}: {}{}", status, method, route, detail,
                    failure.getCause() == null ? "" : " (" + failure.getCause().getClass().getSimpleName() + ")"));
            return new Refusal(status, failure.getMessage(), failure.retryAfter().map(wait -> Math.max(1, wait.toSeconds())).orElse(0L));
        }
        FailureReporter.request(log, e, method, requestId, route, user);
        return new Refusal(500, "Something went wrong on our side. It has been reported.", 0);
    }

    record ErrorAnswer(String error, String message, @JsonProperty("request_id") String requestId) {}

    /** The JSON answer for a refusal ({@link #respond} writes it when the caller asked for JSON). */
    public static String json(int status, String message, String requestId) {
        return Json.MAPPER.writeValueAsString(new ErrorAnswer(code(status), text(status, message), requestId));
    }

    private static String text(int status, String message) {
        return message == null || message.isBlank() || isJavalinDefault(message) ? defaultMessage(status) : message;
    }

    /** The one place a domain failure becomes a status code. */
    public static int status(Failure failure) {
        if (failure instanceof Failure.NotFound) {
            return 404;
        } else if (failure instanceof Failure.Invalid) {
            return 400;
        } else if (failure instanceof Failure.TooLarge) {
            return 413;
        } else if (failure instanceof Failure.Unsupported) {
            return 415;
        } else if (failure instanceof Failure.Unusable) {
            return 422;
        } else if (failure instanceof Failure.NotAllowed) {
            return 403;
        } else if (failure instanceof Failure.Conflict) {
            return 409;
        } else if (failure instanceof Failure.Gone) {
            return 410;
        } else if (failure instanceof Failure.Limited) {
            return 429;
        } else if (failure instanceof Failure.Unavailable) {
            return 503;
        }
        throw new IllegalArgumentException("A failure kind without a status: " + failure.getClass().getName());
    }

    /** Writes the error page or JSON for {@code status}; {@code message} null means the default for it. */
    public void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            ctx.contentType(ContentType.APPLICATION_JSON).result(json(status, message, RequestIds.of(ctx)));
        } else {
            String text = text(status, message);
            var layout = new Layout(heading(status), assets, RequestUser.of(ctx).isPresent());
            ctx.contentType("text/html; charset=utf-8").result(views.render("errors/error.jte", new ErrorPage(layout, status, heading(status), text, RequestIds.of(ctx))));
        }
    }

    /**
     * Jetty's own error answers (a request it could not parse, headers too large), written as
     * this page before any route or guard runs.
     */
    public ErrorHandler protocolErrors(boolean prod) {
        return new ProtocolErrors(status -> views.render("errors/error.jte", new ErrorPage(
                new Layout(heading(status), assets, false), status, heading(status), defaultMessage(status),
                UUID.randomUUID().toString())), prod);
    }

    public static boolean wantsJson(Context ctx) {
        return wantsJson(ctx.header("Accept"));
    }

    /** The same from the {@code Accept} header's value (may be null). */
    public static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json");
    }

    private static boolean isEmpty(Context ctx) {
        String result = ctx.result();
        return result == null || result.isEmpty();
    }

    // Javalin's own exceptions carry its generic reason phrases ("Not Found") or name the
    // endpoint ("Endpoint GET /x not found"); ours say more, in the product's voice.
    private static boolean isJavalinDefault(String message) {
        if (message.startsWith("Endpoint ")) {
            return true;
        }
        for (HttpStatus status : HttpStatus.values()) {
            if (status.getMessage().equalsIgnoreCase(message)) {
                return true;
            }
        }
        return false;
    }

    private static String heading(int status) {
        return switch (status) {
            case 400 -> "That request didn't make sense";
            case 401 -> "Sign in to continue";
            case 403 -> "Not allowed";
            case 404 -> "Nothing here";
            case 405 -> "Not allowed";
            case 409 -> "Not now";
            case 410 -> "No longer here";
            case 408 -> "Too slow";
            case 413 -> "Too large";
            case 414 -> "Address too long";
            case 415 -> "Not a kind AIde takes";
            case 422 -> "Not changed";
            case 429 -> "Slow down";
            case 431 -> "Too large";
            case 503 -> "Back in a moment";
            default -> "Something went wrong";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request was malformed. Nothing was changed.";
            case 401 -> "This page needs you to be signed in.";
            case 403 -> "This request was refused. Nothing was changed.";
            case 404 -> "This page doesn't exist, or it isn't yours.";
            case 405 -> "That method isn't supported here.";
            case 408 -> "The request took too long to arrive. Nothing was changed; try again.";
            case 413 -> "The request is larger than AIde accepts. Nothing was changed.";
            case 414 -> "That address is longer than AIde accepts. Nothing was changed.";
            case 429 -> "Too many requests. Wait a little and try again.";
            case 431 -> "The request's headers are larger than AIde accepts (often too many cookies). Nothing was changed.";
            case 503 -> "AIde is temporarily unavailable. Try again in a minute.";
            default -> "Something went wrong on our side. It has been reported.";
        };
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 413 -> "too_large";
            case 415 -> "unsupported";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }
}
