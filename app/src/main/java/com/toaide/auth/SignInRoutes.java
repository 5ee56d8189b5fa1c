package com.toaide.auth;

import com.toaide.platform.web.Assets;
import com.toaide.platform.web.ClientIp;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The signed-out face of AIde: the landing page, sign-in by magic link, and signing out. */
public final class SignInRoutes {
    // The only messages ?error= can show: a link cannot put arbitrary words on our page.
    private static final Map<String, String> ERRORS = Map.of(
            "invalid_link", "That sign-in link is not valid. Ask for a new one below.",
            "link_used", "That sign-in link was already used. Ask for a new one below.",
            "link_expired", "That sign-in link has expired; links last 15 minutes. Ask for a new one below.",
            "too_many_attempts", "Too many sign-in attempts. Wait a few minutes, then try again.");
    private static final String NOT_AN_EMAIL = "Enter a whole email address, like name@example.com.";

    private final Views views;
    private final Assets assets;
    private final MagicLinkService magicLinks;
    private final SessionService sessions;
    private final SessionGuard sessionGuard;
    private final ClientIp clientIp;

    public SignInRoutes(Views views, Assets assets, MagicLinkService magicLinks, SessionService sessions,
                        SessionGuard sessionGuard, ClientIp clientIp) {
        this.views = views;
        this.assets = assets;
        this.magicLinks = magicLinks;
        this.sessions = sessions;
        this.sessionGuard = sessionGuard;
        this.clientIp = clientIp;
    }

    public void landing(Context ctx) {
        if (RequestUser.of(ctx).isPresent()) {
            ctx.redirect("/aides", HttpStatus.SEE_OTHER);
            return;
        }
        views.html(ctx, "auth/landing.jte", new LandingPage(layout(ctx, "A living page for whatever you run")));
    }

    public void loginForm(Context ctx) {
        // Map.of refuses null keys, so a plain /login must not look one up.
        String code = ctx.queryParam("error");
        String error = code == null ? null : ERRORS.get(code);
        views.html(ctx, "auth/login.jte", new LoginPage(layout(ctx, "Sign in"), error));
    }

    /** The same answer whether or not the address has an account. */
    public void requestLink(Context ctx) {
        var browserTag = magicLinks.requestLink(ctx.formParam("email"), clientIp.of(ctx));
        if (browserTag.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            views.html(ctx, "auth/login.jte", new LoginPage(layout(ctx, "Sign in"), NOT_AN_EMAIL));
            return;
        }
        sessionGuard.setLinkCookie(ctx, browserTag.get());
        ctx.redirect("/login/sent", HttpStatus.SEE_OTHER);
    }

    public void linkSent(Context ctx) {
        views.html(ctx, "auth/sent.jte", new LinkSentPage(layout(ctx, "Check your email")));
    }

    /**
     * Shows a button that posts the token back; a GET never consumes it (mail scanners prefetch
     * links). In the browser that asked for the link, with nobody signed in, the page submits
     * itself. Anywhere else (another device, or a page on another site that sent a signed-in
     * browser here with its own link) it names the account and waits for a click.
     */
    public void verifyPage(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            ctx.redirect("/login?error=invalid_link", HttpStatus.SEE_OTHER);
            return;
        }
        var preview = magicLinks.preview(token, clientIp.of(ctx));
        if (preview instanceof MagicLinkService.Refused refused) {
            ctx.redirect("/login?error=" + refused.failure().code(), HttpStatus.SEE_OTHER);
            return;
        }
        boolean signedIn = RequestUser.of(ctx).isPresent();
        boolean askedHere = MagicLinkService.browserTag(token).equals(ctx.cookie(SessionGuard.LINK_COOKIE));
        ctx.header("Cache-Control", "no-store");
        views.html(ctx, "auth/verify.jte", new VerifyPage(layout(ctx, "Sign in"), token,
                ((MagicLinkService.Pending) preview).email(), askedHere && !signedIn, signedIn));
    }

    public void verify(Context ctx) {
        var result = magicLinks.verify(ctx.formParam("token"), clientIp.of(ctx));
        if (result instanceof MagicLinkService.SignedIn signedIn) {
            sessionGuard.setCookie(ctx, signedIn.session().token());
            sessionGuard.clearLinkCookie(ctx);
            ctx.redirect("/aides", HttpStatus.SEE_OTHER);
        } else if (result instanceof MagicLinkService.Refused refused) {
            ctx.redirect("/login?error=" + refused.failure().code(), HttpStatus.SEE_OTHER);
        }
    }

    public void logout(Context ctx) {
        SessionService.Session session = ctx.attribute(SessionService.Session.class.getName());
        sessions.end(session);
        sessionGuard.clearCookie(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private Layout layout(Context ctx, String title) {
        return new Layout(title, assets, RequestUser.of(ctx).isPresent());
    }
}
