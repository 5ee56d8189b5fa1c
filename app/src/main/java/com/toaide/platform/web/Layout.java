package com.toaide.platform.web;

/**
 * What the layout needs on every page: the title, the asset URLs and who is signed in
 * ({@code signedIn} false shows the sign-in link instead of the account menu).
 */
public record Layout(String title, Assets assets, boolean signedIn) {}
