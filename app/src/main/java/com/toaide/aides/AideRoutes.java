package com.toaide.aides;

import com.toaide.kernel.Result;
import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Frame;
import com.toaide.platform.web.Problem;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import com.toaide.render.Renderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dashboard and the aide routes of web.md. Another user's aide is always a 404. */
public final class AideRoutes {
    private final AideService aides;
    private final EditService edits;
    private final Views views;
    private final Assets assets;
    private final Renderer renderer;
    private final String pageCssUrl;
    private final String publicUrl;
    private final boolean aiConfigured;
    private final EditorChat chat;

    public AideRoutes(AideService aides, EditService edits, Views views, Assets assets,
                      Renderer renderer, String pageCssUrl, String publicUrl, boolean aiConfigured, EditorChat chat) {
        this.chat = chat;
        this.aides = aides;
        this.edits = edits;
        this.views = views;
        this.assets = assets;
        this.renderer = renderer;
        this.pageCssUrl = pageCssUrl;
        this.publicUrl = publicUrl;
        this.aiConfigured = aiConfigured;
    }

    public void dashboard(Context ctx) {
        var list = aides.list(user(ctx));
        if (Errors.wantsJson(ctx)) {
            ctx.json(Map.of("aides", list));
            return;
        }
        views.html(ctx, "aides/dashboard.jte", new DashboardPage(new Frame("Your pages", assets, true), list, publicUrl, null));
    }

    public void create(Context ctx) {
        UUID id = aides.create(user(ctx));
        if (Errors.wantsJson(ctx)) {
            ctx.status(201).json(Map.of("id", id));
        } else {
            ctx.redirect("/aides/" + id, HttpStatus.SEE_OTHER);
        }
    }

    public void editor(Context ctx) {
        UUID user = user(ctx);
        var aide = aides.find(user, aideId(ctx));
        var conversation = chat.of(user, aide.id());
        var page = edits.read(user, aide.id(), (snapshot, version) -> new EditorPage(
                new Frame(aide.title().isEmpty() ? "New page" : aide.title(), assets, true), aide,
                new RenderedHtml(renderer.editorBody(snapshot)), pageCssUrl, version,
                snapshot.roots().stream().allMatch(e -> e.removed()), aiConfigured, conversation));
        views.html(ctx, "aides/editor.jte", page);
    }

    public void snapshot(Context ctx) {
        var view = edits.snapshot(user(ctx), aideId(ctx));
        ctx.json(Map.of("snapshot", view.snapshot(), "_sequence", view.version()));
    }

    public void events(Context ctx) {
        var outcome = edits.edit(user(ctx), aideId(ctx), EditRequest.events(ctx.body()));
        var rejected = new ArrayList<Map<String, Object>>();
        List<Result> results = outcome.results();
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).accepted()) {
                rejected.add(Map.of("index", i, "reason", results.get(i).reason()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", outcome.acceptedCount());
        body.put("rejected", rejected);
        body.put("sequence", outcome.version());
        ctx.status(outcome.acceptedCount() == 0 ? 422 : 200).json(body);
    }

    public void undo(Context ctx) {
        ctx.json(Map.of("sequence", edits.undo(user(ctx), aideId(ctx))));
    }

    public void redo(Context ctx) {
        ctx.json(Map.of("sequence", edits.redo(user(ctx), aideId(ctx))));
    }

    public void rename(Context ctx) {
        aides.rename(user(ctx), aideId(ctx), ctx.formParam("title"));
        back(ctx, "/aides/" + aideId(ctx));
    }

    public void archive(Context ctx) {
        aides.archive(user(ctx), aideId(ctx));
        back(ctx, "/aides");
    }

    public void delete(Context ctx) {
        aides.delete(user(ctx), aideId(ctx));
        back(ctx, "/aides");
    }

    static UUID user(Context ctx) {
        return RequestUser.of(ctx).orElseThrow();
    }

    /** A malformed id is simply an aide that does not exist for this user. */
    static UUID aideId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw Problem.notFound();
        }
    }

    /** 303 to where the form was (same-origin path only), else {@code fallback}; JSON callers get 204. */
    private static void back(Context ctx, String fallback) {
        if (Errors.wantsJson(ctx)) {
            ctx.status(204);
            return;
        }
        String target = fallback;
        String referer = ctx.header("Referer");
        if (referer != null && !fallback.equals("/aides")) {
            String path = URI.create(referer).getRawPath();
            if (path != null && path.startsWith("/aides")) {
                target = path;
            }
        }
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }
}
