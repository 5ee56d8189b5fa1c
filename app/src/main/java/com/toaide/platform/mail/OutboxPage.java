package com.toaide.platform.mail;

import com.toaide.platform.web.Layout;
import java.util.List;

public record OutboxPage(Layout layout, List<OutboxEmail> emails) {}
