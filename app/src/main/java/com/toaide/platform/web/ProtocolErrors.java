package com.toaide.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers by itself, before any route runs: a request line it cannot parse (400), an
 * address too long (414), headers too large (431), a body too slow (408). Jetty's own page names
 * Jetty and carries none of our headers; this one is the app's error page ({@link Errors}) with
 * the security headers every other response has ({@link SecurityHeaders#COMMON}).
 */
final class ProtocolErrors extends ErrorHandler {
    private final IntFunction<String> page;
    private final boolean prod;

    /** @param page the error page's HTML for a status, with a request id of its own */
    ProtocolErrors(IntFunction<String> page, boolean prod) {
        this.page = page;
        this.prod = prod;
    }

    /** HTTP/1 parse failures: Jetty writes the answer straight from these fields and bytes. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.each(prod, fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        fields.put(ERROR_CACHE_CONTROL);
        return ByteBuffer.wrap(page.apply(status).getBytes(StandardCharsets.UTF_8));
    }

    /** Every other failure Jetty handles itself (the app's routes never get here). */
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        var headers = response.getHeaders();
        SecurityHeaders.each(prod, headers::put);
        headers.put(new HttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8"));
        headers.put(RequestIds.HEADER, UUID.randomUUID().toString());
        response.write(true, ByteBuffer.wrap(page.apply(status).getBytes(StandardCharsets.UTF_8)), callback);
    }
}
