package com.toaide.platform.web;

/** The view of every error page: plain words and the request id, never a stack trace. */
public record ErrorPage(Layout layout, int status, String heading, String message, String requestId) {}
