package com.toaide.auth;

import com.toaide.platform.web.Layout;

public record LandingPage(Layout layout) {}
