package com.toaide.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;

/** {@code POST /verify/session}: the verify command's sign-in ({@link VerifySignIn}); 404 while it is off. */
public final class VerifyRoutes {
    public static final String HEADER = "X-Aide-Verify";

    private final VerifySignIn verify;
    private final SessionGuard sessionGuard;

    public VerifyRoutes(VerifySignIn verify, SessionGuard sessionGuard) {
        this.verify = verify;
        this.sessionGuard = sessionGuard;
    }

    public void session(Context ctx) {
        if (!verify.enabled()) {
            throw new NotFoundResponse();
        }
        var session = verify.signIn(ctx.header(HEADER)).orElseThrow(() ->
                new UnauthorizedResponse("The verify signature did not check out (wrong secret, a clock more than a minute off, or used twice)."));
        sessionGuard.setCookie(ctx, session.token());
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
