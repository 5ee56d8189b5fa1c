package com.toaide.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content-hashed URLs for files under static/, so browsers may cache them for a year and still
 * see a change the moment a file's bytes change.
 */
public final class Assets {
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** {@code url("css/app.css")} is {@code /static/css/app.css?v=<hash of the file>}. */
    public String url(String path) {
        return urls.computeIfAbsent(path, p -> "/static/" + p + "?v=" + hash(p));
    }

    private static String hash(String path) {
        try (InputStream in = Assets.class.getResourceAsStream("/static/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No static file " + path);
            }
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(in.readAllBytes())).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
