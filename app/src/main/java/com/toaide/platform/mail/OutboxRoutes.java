package com.toaide.platform.mail;

import com.toaide.platform.web.Assets;
import com.toaide.platform.web.Layout;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Views;
import io.javalin.http.Context;

/** {@code GET /dev/outbox}: what the app would have emailed, newest first (dev only). */
public final class OutboxRoutes {
    private final DevOutbox outbox;
    private final Views views;
    private final Assets assets;

    public OutboxRoutes(DevOutbox outbox, Views views, Assets assets) {
        this.outbox = outbox;
        this.views = views;
        this.assets = assets;
    }

    public void list(Context ctx) {
        var layout = new Layout("Outbox", assets, RequestUser.of(ctx).isPresent());
        views.html(ctx, "mail/outbox.jte", new OutboxPage(layout, outbox.newest()));
    }
}
