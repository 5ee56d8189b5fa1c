package com.toaide.platform.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A JDBC URL with its credentials, read from either form hosts hand out:
 * {@code postgresql://user:pass@host:port/db?sslmode=require} (Neon, Railway) or
 * {@code jdbc:postgresql://host/db?user=...&password=...}.
 */
public record ConnectionSettings(String jdbcUrl, String user, String password) {

    public static ConnectionSettings parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new ConnectionSettings(url, null, null);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("A database URL starts with postgresql:// or jdbc:postgresql://");
        }
        var uri = URI.create(url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new ConnectionSettings("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
    }

    /**
     * The same connection without server-side prepared statements, for a transaction-mode pooler
     * (PgBouncer): pgjdbc prepares a statement on one server connection after a few uses, and the
     * pooler may hand the next use to another connection, which answers "prepared statement
     * S_n does not exist". A {@code prepareThreshold} already in the URL is kept.
     */
    public ConnectionSettings withoutPreparedStatements() {
        if (jdbcUrl.contains("prepareThreshold=")) {
            return this;
        }
        return new ConnectionSettings(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "prepareThreshold=0", user, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + jdbcUrl + ", user=" + user + "]";
    }
}
