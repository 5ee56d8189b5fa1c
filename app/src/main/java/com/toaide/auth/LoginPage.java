package com.toaide.auth;

import com.toaide.platform.web.Frame;

/** {@code error} is the message to show, or null. */
public record LoginPage(Frame frame, String error) {}
