package com.toaide.auth;

import com.toaide.platform.web.Frame;

/** The page a sign-in link opens: {@code token} goes back in a POST, never consumed by the GET. */
public record VerifyPage(Frame frame, String token) {}
