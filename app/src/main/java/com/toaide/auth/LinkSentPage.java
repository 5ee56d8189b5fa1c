package com.toaide.auth;

import com.toaide.platform.web.Frame;

public record LinkSentPage(Frame frame) {}
