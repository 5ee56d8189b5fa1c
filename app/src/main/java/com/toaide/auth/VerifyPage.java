package com.toaide.auth;

import com.toaide.platform.web.Layout;

/**
 * The page a sign-in link opens: {@code token} goes back in a POST, never consumed by the GET.
 * {@code automatic}: the browser that asked for the link, nobody signed in, so the page submits
 * itself; otherwise it names {@code email}, the account the link signs in to, and waits for a
 * click. {@code signedIn}: this browser is signed in already (to any account).
 */
public record VerifyPage(Layout layout, String token, String email, boolean automatic, boolean signedIn) {}
