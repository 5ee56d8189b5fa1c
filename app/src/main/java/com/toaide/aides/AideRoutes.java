package com.toaide.aides;

import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Errors;
import com.toaide.platform.web.Frame;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;
import java.util.Map;

/** The dashboard. */
public final class AideRoutes {
    private final AideService aides;
    private final Views views;
    private final Assets assets;

    public AideRoutes(AideService aides, Views views, Assets assets) {
        this.aides = aides;
        this.views = views;
        this.assets = assets;
    }

    public void dashboard(Context ctx) {
        var list = aides.list(RequestUser.of(ctx).orElseThrow());
        if (Errors.wantsJson(ctx)) {
            ctx.json(Map.of("aides", list));
            return;
        }
        views.html(ctx, "aides/dashboard.jte", new DashboardPage(new Frame("Your pages", assets, true), list));
    }
}
