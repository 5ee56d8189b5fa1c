package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files under static/: content-hashed URLs, so browsers may cache them for a year and still
 * see a change the moment a file's bytes change, and the route that serves them from memory.
 *
 * <p>Served here rather than by Jetty's resource handler, which mounts the whole application
 * jar (some 40,000 entries) as a zip file system several times over: tens of megabytes of heap
 * for half a dozen small files.
 */
public final class Assets {
    private static final Pattern PATH = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private record File(byte[] bytes, String type, String hash) {}

    // Only files that exist are kept: a miss is not remembered, so requests for made-up paths
    // cannot grow this map (it holds at most the files under static/).
    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** {@code url("css/app.css")} is {@code /static/css/app.css?v=<hash of the file>}. */
    public String url(String path) {
        var file = file(path).orElseThrow(() -> new IllegalArgumentException("No static file " + path));
        return "/static/" + path + "?v=" + file.hash();
    }

    /** {@code GET /static/<path>}: the file with a year-long cache, or 404. */
    public void serve(Context ctx) {
        var file = file(ctx.pathParam("path")).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(file.type());
        ctx.result(file.bytes());
    }

    /** Whether {@code static/<path>} exists. */
    boolean exists(String path) {
        return file(path).isPresent();
    }

    /** How many files are held in memory. */
    int cached() {
        return files.size();
    }

    private Optional<File> file(String path) {
        if (!PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        File file = files.get(path);
        if (file == null) {
            file = load(path).orElse(null);
            if (file != null) {
                files.putIfAbsent(path, file);
            }
        }
        return Optional.ofNullable(file);
    }

    private static Optional<File> load(String path) {
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = Assets.class.getResourceAsStream("/static/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            return Optional.of(new File(bytes, type, hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
