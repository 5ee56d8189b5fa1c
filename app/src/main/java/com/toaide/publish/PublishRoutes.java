package com.toaide.publish;

import com.toaide.billing.BillingService;
import com.toaide.billing.Tier;
import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Frame;
import com.toaide.platform.web.Problem;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publish, unpublish, versions, restore and auto-publish of web.md. Another user's aide is a 404. */
public final class PublishRoutes {
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    public void publish(Context ctx) {
        UUID aide = aideId(ctx);
        answer(ctx, aide, publish.publish(user(ctx), aide, param(ctx, "slug")));
    }

    public void restore(Context ctx) {
        UUID aide = aideId(ctx);
        answer(ctx, aide, publish.restore(user(ctx), aide, versionParam(ctx)));
    }

    public void unpublish(Context ctx) {
        UUID aide = aideId(ctx);
        publish.unpublish(user(ctx), aide);
        if (Errors.wantsJson(ctx)) {
            ctx.json(Map.of("published", false));
        } else {
            ctx.redirect("/aides/" + aide + "/versions", HttpStatus.SEE_OTHER);
        }
    }

    public void autoPublish(Context ctx) {
        UUID aide = aideId(ctx);
        boolean on = param(ctx, "on").map(v -> v.equals("true") || v.equals("on")).orElse(false);
        publish.autoPublish(user(ctx), aide, on);
        if (Errors.wantsJson(ctx)) {
            ctx.json(Map.of("auto_publish", on));
        } else {
            ctx.redirect("/aides/" + aide + "/versions", HttpStatus.SEE_OTHER);
        }
    }

    public void versions(Context ctx) {
        UUID user = user(ctx);
        var status = publish.status(user, aideId(ctx));
        if (Errors.wantsJson(ctx)) {
            ctx.json(json(status));
            return;
        }
        views.html(ctx, "publish/versions.jte", new VersionsPage(new Frame("Published versions", assets, true),
                aideId(ctx), status, billing.tier(user) == Tier.PRO, ctx.queryParam("published")));
    }

    private static void answer(Context ctx, UUID aide, Published published) {
        if (Errors.wantsJson(ctx)) {
            ctx.json(Map.of("url", published.url(), "version", published.version()));
        } else {
            ctx.redirect("/aides/" + aide + "?published=" + published.version(), HttpStatus.SEE_OTHER);
        }
    }

    private static Map<String, Object> json(PublishService.Status status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", status.slug());
        body.put("url", status.url());
        body.put("published", status.published());
        body.put("auto_publish", status.autoPublish());
        List<Map<String, Object>> versions = status.versions().stream().map(v -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.version());
            row.put("url", status.url() + "/v/" + v.version());
            row.put("created_at", v.createdAt().toString());
            row.put("size", v.sizeBytes());
            row.put("notes", v.notes());
            return row;
        }).toList();
        body.put("versions", versions);
        return body;
    }

    /** A form field, or a string field of a JSON body. */
    private static Optional<String> param(Context ctx, String name) {
        String type = ctx.contentType();
        if (type != null && type.contains("application/json")) {
            String body = ctx.body();
            if (body.isBlank()) {
                return Optional.empty();
            }
            try {
                JsonNode value = JSON.readTree(body).get(name);
                return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
            } catch (JacksonException e) {
                throw new Problem(400, "The request body is not valid JSON.");
            }
        }
        return Optional.ofNullable(ctx.formParam(name));
    }

    private static int versionParam(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw Problem.notFound();
        }
    }

    private static UUID user(Context ctx) {
        return RequestUser.of(ctx).orElseThrow();
    }

    private static UUID aideId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw Problem.notFound();
        }
    }
}
