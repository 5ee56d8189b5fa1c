package com.toaide.auth;

import com.toaide.platform.web.Frame;

public record LandingPage(Frame frame) {}
