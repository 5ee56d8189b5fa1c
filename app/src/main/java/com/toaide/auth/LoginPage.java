package com.toaide.auth;

import com.toaide.platform.web.Layout;

/** {@code error} is the message to show, or null. */
public record LoginPage(Layout layout, String error) {}
