package com.toaide.platform.web;

import io.javalin.http.Context;
import java.util.Enumeration;

/**
 * The client's address for limits and records. Only an address one of our own proxies wrote is
 * believed: a client can send any {@code X-Forwarded-For} or {@code CF-Connecting-IP} it likes.
 *
 * <ul>
 *   <li>No trusted proxy ({@code TRUSTED_PROXY} unset or {@code false}): the socket's address;
 *       both headers are ignored.
 *   <li>{@code n} trusted proxies ({@code true} means one, Railway's): each proxy appends the
 *       address that connected to it, so the {@code n}-th entry from the right of
 *       {@code X-Forwarded-For} is the address our outermost proxy saw. Everything left of it
 *       came from the client and counts for nothing.
 *   <li>When that address is Cloudflare's ({@link CloudflareRanges}), the request came through
 *       Cloudflare, which sets {@code CF-Connecting-IP} itself (replacing any value a client
 *       sent): that is the client. From any other address the header is a client's word.
 * </ul>
 *
 * Per request this scans one header from its end; it allocates only the returned string.
 */
public final class ClientIp {
    public static final String FORWARDED = "X-Forwarded-For";
    public static final String CLOUDFLARE = "CF-Connecting-IP";

    private final int trustedProxies;

    public ClientIp(int trustedProxies) {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("trusted proxies must be 0 or more");
        }
        this.trustedProxies = trustedProxies;
    }

    public String of(Context ctx) {
        String socket = ctx.req().getRemoteAddr();
        if (trustedProxies == 0) {
            return socket;
        }
        return of(socket, lastForwarded(ctx), ctx.header(CLOUDFLARE));
    }

    /**
     * The same decision on plain values: the socket's address, the last {@link #FORWARDED} line and the
     * {@link #CLOUDFLARE} header (either may be null).
     */
    public String of(String socket, String forwarded, String cloudflare) {
        String peer = trustedProxies == 0 || forwarded == null ? null : hopFromRight(forwarded, trustedProxies);
        if (peer == null) {
            return socket;
        }
        if (cloudflare != null && CloudflareRanges.contains(peer)) {
            String client = cloudflare.strip();
            if (Addresses.isLiteral(client)) {
                return client;
            }
        }
        return peer;
    }

    /**
     * A proxy may add its hop as another header line instead of appending to the line it got; the
     * last line then holds the hops nearest to us. Folding lines would only matter with several
     * proxies each adding a line, which none of ours does.
     */
    private static String lastForwarded(Context ctx) {
        Enumeration<String> lines = ctx.req().getHeaders(FORWARDED);
        String last = null;
        while (lines != null && lines.hasMoreElements()) {
            last = lines.nextElement();
        }
        return last;
    }

    /**
     * The {@code n}-th comma-separated entry from the right, if it is an address. With fewer
     * entries than trusted proxies the leftmost one was still written by one of ours.
     */
    static String hopFromRight(String forwarded, int n) {
        int end = forwarded.length();
        for (int hop = 1; hop < n; hop++) {
            int comma = forwarded.lastIndexOf(',', end - 1);
            if (comma < 0) {
                break;
            }
            end = comma;
        }
        int start = forwarded.lastIndexOf(',', end - 1) + 1;
        String hop = forwarded.substring(start, end).strip();
        return Addresses.isLiteral(hop) ? hop : null;
    }
}
