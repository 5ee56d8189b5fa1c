package com.toaide.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.toaide.billing.BillingService;
import com.toaide.billing.Plan;
import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.Params;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.UUID;

/** Publish, unpublish, versions, restore and auto-publish (docs/publishing.md). Another user's aide is a 404. */
public final class PublishRoutes {
    private final PublishService publish;
    private final BillingService billing;
    private final Views views;
    private final Assets assets;

    public PublishRoutes(PublishService publish, BillingService billing, Views views, Assets assets) {
        this.publish = publish;
        this.billing = billing;
        this.views = views;
        this.assets = assets;
    }

    record Unpublished(boolean published) {}

    record AutoPublish(@JsonProperty("auto_publish") boolean autoPublish) {}

    /** {@code url}: the public address, null when visitors cannot open it; {@code view}: the owner's address, always. */
    record Version(int version, String url, String view, @JsonProperty("created_at") String createdAt, int size, String notes) {}

    /** {@code publishedSequence}: the point of the log the live page shows; {@code sequence}: the draft's. */
    record Versions(String slug, String url, boolean published, @JsonProperty("auto_publish") boolean autoPublish,
                    List<Version> versions, @JsonProperty("published_sequence") Long publishedSequence, long sequence) {
        static Versions of(UUID aide, PublishService.Status status) {
            return new Versions(status.slug(), status.url(), status.published(), status.autoPublish(), status.versions().stream()
                    .map(v -> new Version(v.version(), status.isPublic(v) ? status.url() + "/v/" + v.version() : null,
                            "/aides/" + aide + "/versions/" + v.version(), v.createdAt().toString(), v.sizeBytes(), v.notes()))
                    .toList(), status.publishedSeq(), status.sequence());
        }
    }

    public void publish(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        answer(ctx, aide, publish.publish(RequestUser.require(ctx), aide, Params.field(ctx, "slug")));
    }

    public void restore(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        answer(ctx, aide, publish.restore(RequestUser.require(ctx), aide, Params.number(ctx, "n")));
    }

    public void unpublish(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        publish.unpublish(RequestUser.require(ctx), aide);
        if (Errors.wantsJson(ctx)) {
            ctx.json(new Unpublished(false));
        } else {
            ctx.redirect("/aides/" + aide + "/versions", HttpStatus.SEE_OTHER);
        }
    }

    /** A version's page for its owner, whether or not visitors can open it (served under the published page's CSP). */
    public void version(Context ctx) {
        byte[] html = publish.version(RequestUser.require(ctx), Params.id(ctx, "id"), Params.number(ctx, "n"));
        ctx.header("Cache-Control", "private, no-store").contentType("text/html; charset=utf-8").result(html);
    }

    /** Deleting the published history: its own action, after its own confirmation on the versions page. */
    public void deleteHistory(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        publish.deleteHistory(RequestUser.require(ctx), aide);
        if (Errors.wantsJson(ctx)) {
            ctx.status(204);
        } else {
            ctx.redirect("/aides/" + aide + "/versions", HttpStatus.SEE_OTHER);
        }
    }

    public void autoPublish(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        boolean on = Params.field(ctx, "on").map(v -> v.equals("true") || v.equals("on")).orElse(false);
        publish.autoPublish(RequestUser.require(ctx), aide, on);
        if (Errors.wantsJson(ctx)) {
            ctx.json(new AutoPublish(on));
        } else {
            ctx.redirect("/aides/" + aide + "/versions", HttpStatus.SEE_OTHER);
        }
    }

    public void versions(Context ctx) {
        UUID user = RequestUser.require(ctx);
        var status = publish.status(user, Params.id(ctx, "id"));
        if (Errors.wantsJson(ctx)) {
            ctx.json(Versions.of(Params.id(ctx, "id"), status));
            return;
        }
        views.html(ctx, "publish/versions.jte", new VersionsPage(new Layout("Published versions", assets, true),
                Params.id(ctx, "id"), status, billing.plan(user) == Plan.PRO, ctx.queryParam("published")));
    }

    private static void answer(Context ctx, UUID aide, Published published) {
        if (Errors.wantsJson(ctx)) {
            ctx.json(published);
        } else {
            ctx.redirect("/aides/" + aide + "?published=" + published.version(), HttpStatus.SEE_OTHER);
        }
    }
}
