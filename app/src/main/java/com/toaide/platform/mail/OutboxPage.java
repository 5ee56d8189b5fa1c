package com.toaide.platform.mail;

import com.toaide.platform.web.Frame;
import java.util.List;

public record OutboxPage(Frame frame, List<OutboxEmail> emails) {}
