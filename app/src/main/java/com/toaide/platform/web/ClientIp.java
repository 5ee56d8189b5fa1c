package com.toaide.platform.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The client's address for limits and records. Behind a trusted proxy (TRUSTED_PROXY=true) it
 * is the first hop of {@code X-Forwarded-For}; otherwise the header is ignored, because any
 * client can send it, and the socket's address is used.
 */
public final class ClientIp {
    // IPv4 or IPv6 text; anything else in the header is not trusted as an address.
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final boolean trustedProxy;

    public ClientIp(boolean trustedProxy) {
        this.trustedProxy = trustedProxy;
    }

    public String of(Context ctx) {
        if (trustedProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0].strip();
                if (ADDRESS.matcher(first).matches()) {
                    return first;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
