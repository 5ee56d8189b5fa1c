package com.toaide.images;

import com.toaide.platform.web.Params;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.web.RequestUser;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** Uploading, showing and deleting an aide's photos (docs/architecture.md, "Photos"). Another user's photo is a 404. */
public final class ImageRoutes {
    /** The editor's copy never changes under its name (a new upload is a new id): cache it privately. */
    private static final String PRIVATE_CACHE = "private, max-age=31536000, immutable";

    private final ImageService images;

    public ImageRoutes(ImageService images) {
        this.images = images;
    }

    public void upload(Context ctx) {
        UUID user = RequestUser.require(ctx);
        UUID aide = Params.id(ctx, "id");
        UploadedFile file = uploadedFile(ctx);
        if (file == null) {
            throw new Failure.Invalid("Choose a photo to upload.");
        }
        var image = images.upload(user, aide, new ImageService.Upload() {
            @Override
            public long size() {
                return file.size();
            }

            @Override
            public String name() {
                return file.filename();
            }

            @Override
            public InputStream open() throws IOException {
                return file.content();
            }
        });
        ctx.status(201).json(ImageJson.of(image));
    }

    /** The {@code file} field; a body Jetty cannot parse is the sender's problem, not a 500. */
    private static UploadedFile uploadedFile(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty's ServletException, thrown through Kotlin undeclared
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().startsWith("max file size exceeded")) {
                    throw new Failure.TooLarge("That photo is over 10 MB. Try a smaller one, or a screenshot of it.");
                }
            }
            throw new Failure.Invalid("That upload didn't arrive whole. Try again.");
        }
    }

    public void list(Context ctx) {
        UUID aide = Params.id(ctx, "id");
        List<ImageJson> list = images.ofAide(RequestUser.require(ctx), aide).stream().map(ImageJson::of).toList();
        ctx.json(new ImageList(list));
    }

    record ImageList(List<ImageJson> images) {}

    public void file(Context ctx) {
        var served = images.open(RequestUser.require(ctx), Params.id(ctx, "id"), Params.id(ctx, "image"), ctx.pathParam("file"))
                .orElseThrow(Failure.NotFound::new);
        ctx.header("Cache-Control", PRIVATE_CACHE);
        ctx.contentType(served.contentType());
        ctx.result(served.blob().bytes());
    }

    public void delete(Context ctx) {
        images.delete(RequestUser.require(ctx), Params.id(ctx, "id"), Params.id(ctx, "image"));
        ctx.status(204);
    }
}
