package com.toaide.aides;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.toaide.kernel.Json;
import com.toaide.kernel.Result;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.Params;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import com.toaide.render.Renderer;
import com.toaide.render.Titles;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The dashboard and the aide routes. Another user's aide is always a 404. */
public final class AideRoutes {
    private final AideService aides;
    private final EditService edits;
    private final EditHistory past;
    private final Views views;
    private final Assets assets;
    private final Renderer renderer;
    private final String pageCssUrl;
    private final String publicUrl;
    private final boolean aiConfigured;
    private final EditorChat chat;
    private final EditorPhotos photos;

    public AideRoutes(AideService aides, EditService edits, EditHistory past, Views views, Assets assets, Renderer renderer,
                      String pageCssUrl, String publicUrl, boolean aiConfigured, EditorChat chat, EditorPhotos photos) {
        this.chat = chat;
        this.photos = photos;
        this.aides = aides;
        this.edits = edits;
        this.past = past;
        this.views = views;
        this.assets = assets;
        this.renderer = renderer;
        this.pageCssUrl = pageCssUrl;
        this.publicUrl = publicUrl;
        this.aiConfigured = aiConfigured;
    }

    record Created(UUID id) {}

    record Dashboard(List<AideSummary> aides) {}

    record SnapshotAnswer(JsonNode snapshot, @JsonProperty("_sequence") long sequence) {}

    record Rejection(int index, String reason) {}

    /**
     * A direct edit's answer. Every edit gets one, and the mapper's walk over these records was a
     * tenth of the edit route's CPU (docs/performance.md), so it is written here; a reason (which
     * may quote what the user typed) is still escaped by the mapper.
     */
    record Edited(long accepted, List<Rejection> rejected, long sequence) {
        String json() {
            var out = new StringBuilder(64 + 96 * rejected.size()).append("{\"accepted\":").append(accepted)
                    .append(",\"rejected\":[");
            for (int i = 0; i < rejected.size(); i++) {
                Rejection r = rejected.get(i);
                out.append(i == 0 ? "" : ",").append("{\"index\":").append(r.index())
                        .append(",\"reason\":").append(Json.MAPPER.writeValueAsString(r.reason())).append('}');
            }
            return out.append("],\"sequence\":").append(sequence).append('}').toString();
        }
    }

    record Sequence(long sequence) {}

    public void dashboard(Context ctx) {
        UUID user = RequestUser.require(ctx);
        if (Errors.wantsJson(ctx)) {
            ctx.json(new Dashboard(aides.list(user)));
            return;
        }
        var overview = aides.overview(user);
        // ?archived=<id> names the aide just archived; only one of the user's own archived aides is shown.
        String archivedId = ctx.queryParam("archived");
        var archived = overview.archived().stream().filter(a -> a.id().toString().equals(archivedId)).findFirst().orElse(null);
        views.html(ctx, "aides/dashboard.jte", new DashboardPage(new Layout("Your pages", assets, true), overview.active(),
                overview.archived(), publicUrl, overview.limit(), ctx.queryParam("full") != null, overview.upgrade(), archived));
    }

    /** At the free plan's limit a form post lands back on the dashboard, which says why and what to do. */
    public void create(Context ctx) {
        UUID user = RequestUser.require(ctx);
        if (Errors.wantsJson(ctx)) {
            ctx.status(201).json(new Created(aides.create(user)));
            return;
        }
        try {
            ctx.redirect("/aides/" + aides.create(user), HttpStatus.SEE_OTHER);
        } catch (Failure.Conflict atLimit) {
            ctx.redirect("/aides?full", HttpStatus.SEE_OTHER);
        }
    }

    public void editor(Context ctx) {
        UUID user = RequestUser.require(ctx);
        UUID id = Params.id(ctx, "id");
        var shown = photos.of(user, id);
        // The aide's line comes with its position (one round trip); the chat panel is read after,
        // outside the aide's lock, and only for an aide the user can see.
        var opened = edits.view(user, id, (aide, snapshot, version) -> new Opened(aide,
                new RenderedHtml(renderer.editorBody(snapshot, shown)), version,
                snapshot.roots().stream().allMatch(e -> e.removed())));
        var aide = opened.aide();
        views.html(ctx, "aides/editor.jte", new EditorPage(new Layout(Titles.orUntitled(aide.title()), assets, true), aide,
                opened.body(), pageCssUrl, opened.version(), opened.empty(), aiConfigured, chat.of(user, id)));
    }

    /** What the editor shows of the aide, taken while no change to it can run. */
    private record Opened(AideSummary aide, RenderedHtml body, long version, boolean empty) {}

    public void snapshot(Context ctx) {
        var view = edits.snapshot(RequestUser.require(ctx), Params.id(ctx, "id"));
        ctx.json(new SnapshotAnswer(view.snapshot(), view.version()));
    }

    /** {@code POST /aides/{id}/events}; most are answered before Javalin by the root's {@code DirectEdits}, through {@link #edit}. */
    public void events(Context ctx) {
        var answer = edit(RequestUser.require(ctx), Params.id(ctx, "id"), Params.body(ctx));
        ctx.status(answer.status()).contentType(ContentType.APPLICATION_JSON).result(answer.json());
    }

    /** A direct edit's answer: 200 when any event was accepted, else 422, and the {@link Edited} JSON. */
    public record EditAnswer(int status, String json) {}

    /** The edit route's work on plain values, whichever way the request came in; failures are thrown. */
    public EditAnswer edit(UUID user, UUID aide, byte[] body) {
        var request = EditRequest.parse(body);
        var outcome = edits.edit(user, aide, request.events(), request.batch());
        var rejected = new ArrayList<Rejection>();
        List<Result> results = outcome.results();
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).accepted()) {
                rejected.add(new Rejection(i, results.get(i).reason()));
            }
        }
        return new EditAnswer(outcome.acceptedCount() == 0 ? 422 : 200,
                new Edited(outcome.acceptedCount(), rejected, outcome.version()).json());
    }

    public void undo(Context ctx) {
        ctx.json(new Sequence(edits.undo(RequestUser.require(ctx), Params.id(ctx, "id"))));
    }

    public void redo(Context ctx) {
        ctx.json(new Sequence(edits.redo(RequestUser.require(ctx), Params.id(ctx, "id"))));
    }

    record HistoryAnswer(List<EditHistory.HistoryBatch> batches) {}

    record HistoryPoint(long seq, String html) {}

    /** The History panel's list: batches newest first; {@code ?before=n} pages back. */
    public void history(Context ctx) {
        long before = Long.MAX_VALUE;
        try {
            before = ctx.queryParam("before") == null ? before : Long.parseLong(ctx.queryParam("before"));
        } catch (NumberFormatException e) {
            throw new Failure.Invalid("\"before\" must be a whole number.");
        }
        ctx.json(new HistoryAnswer(past.history(RequestUser.require(ctx), Params.id(ctx, "id"), before, 50)));
    }

    /** The page as it was right after entry {@code seq}: the published page's markup, read-only. */
    public void historyPoint(Context ctx) {
        long seq = Params.number(ctx, "seq");
        ctx.json(past.at(RequestUser.require(ctx), Params.id(ctx, "id"), seq,
                (snapshot, version) -> new HistoryPoint(seq, renderer.publishedBody(snapshot))));
    }

    public void restore(Context ctx) {
        var outcome = edits.restore(RequestUser.require(ctx), Params.id(ctx, "id"), Params.number(ctx, "seq"));
        ctx.json(new Sequence(outcome.version()));
    }

    public void rename(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer != null && pathOf(referer) == null) {
            // Checked before the rename, so the answer is true: nothing was changed.
            throw new Failure.Invalid("This request's Referer header is not a web address, so the page was not renamed.");
        }
        aides.rename(RequestUser.require(ctx), Params.id(ctx, "id"), Params.field(ctx, "title").orElse(null));
        back(ctx, "/aides/" + Params.id(ctx, "id"));
    }

    /** The dashboard's status line then says so, with an Undo. */
    public void archive(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        aides.archive(RequestUser.require(ctx), aide);
        if (Errors.wantsJson(ctx)) {
            ctx.status(204);
        } else {
            ctx.redirect("/aides?archived=" + aide, HttpStatus.SEE_OTHER);
        }
    }

    public void unarchive(Context ctx) {
        UUID user = RequestUser.require(ctx);
        UUID aide = Params.id(ctx, "id");
        if (Errors.wantsJson(ctx)) {
            aides.unarchive(user, aide);
            ctx.status(204);
            return;
        }
        try {
            aides.unarchive(user, aide);
            ctx.redirect("/aides", HttpStatus.SEE_OTHER);
        } catch (Failure.Conflict atLimit) {
            ctx.redirect("/aides?full", HttpStatus.SEE_OTHER);
        }
    }

    public void delete(Context ctx) {
        aides.delete(RequestUser.require(ctx), Params.id(ctx, "id"));
        back(ctx, "/aides");
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
            String path = pathOf(referer);
            if (path != null && path.startsWith("/aides")) {
                target = path;
            }
        }
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    /** The path of a Referer, or null when it is not a web address (rename refuses those before acting). */
    private static String pathOf(String referer) {
        try {
            return new URI(referer).getRawPath();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
