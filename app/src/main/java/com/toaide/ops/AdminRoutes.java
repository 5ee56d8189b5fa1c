package com.toaide.ops;

import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;

/** {@code GET /admin} and {@code POST /admin/aides/{id}/open} (Role.ADMIN; anyone else gets a 404 from the guard). */
public final class AdminRoutes {
    private static final int AUDIT_ROWS_SHOWN = 200;

    private final BreakGlass breakGlass;
    private final Views views;
    private final Assets assets;
    private final String pageCssUrl;

    public AdminRoutes(BreakGlass breakGlass, Views views, Assets assets, String pageCssUrl) {
        this.breakGlass = breakGlass;
        this.views = views;
        this.assets = assets;
        this.pageCssUrl = pageCssUrl;
    }

    public void dashboard(Context ctx) {
        String aide = ctx.queryParam("aide");
        String aideId = aide == null || aide.isBlank() ? null : BreakGlass.parse(aide).toString();
        views.html(ctx, "ops/admin.jte", new AdminPage(new Layout("Admin", assets, true), aideId,
                breakGlass.newest(AUDIT_ROWS_SHOWN), BreakGlass.REASON_MIN, BreakGlass.REASON_MAX));
    }

    public void open(Context ctx) {
        var admin = RequestUser.require(ctx);
        var opened = breakGlass.open(admin, ctx.pathParam("id"), ctx.formParam("reason"));
        ctx.header("Cache-Control", "no-store");
        views.html(ctx, "ops/aide.jte", new AdminAidePage(new Layout("Aide (read-only)", assets, true),
                opened.aideId().toString(), new RenderedBody(opened.html()), pageCssUrl));
    }
}
