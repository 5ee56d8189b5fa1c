package com.toaide.auth;

import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Frame;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The signed-out face of AIde: the landing page and the sign-in page. */
public final class SignInRoutes {
    // The only messages ?error= can show: a link cannot put arbitrary words on our page.
    private static final Map<String, String> ERRORS = Map.of(
            "invalid_link", "That sign-in link is not valid. Ask for a new one below.",
            "link_used", "That sign-in link was already used. Ask for a new one below.",
            "link_expired", "That sign-in link has expired; links last 15 minutes. Ask for a new one below.",
            "too_many_attempts", "Too many sign-in attempts. Wait a few minutes, then try again.");

    private final Views views;
    private final Assets assets;

    public SignInRoutes(Views views, Assets assets) {
        this.views = views;
        this.assets = assets;
    }

    public void landing(Context ctx) {
        if (RequestUser.of(ctx).isPresent()) {
            ctx.redirect("/aides", HttpStatus.SEE_OTHER);
            return;
        }
        views.html(ctx, "auth/landing.jte", new LandingPage(new Frame("A living page for whatever you run", assets, false)));
    }

    public void loginForm(Context ctx) {
        String error = ERRORS.get(ctx.queryParam("error"));
        views.html(ctx, "auth/login.jte", new LoginPage(new Frame("Sign in", assets, RequestUser.of(ctx).isPresent()), error));
    }
}
