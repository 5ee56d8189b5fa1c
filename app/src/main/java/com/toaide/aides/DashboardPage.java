package com.toaide.aides;

import com.toaide.platform.web.Frame;
import java.util.List;

public record DashboardPage(Frame frame, List<AideSummary> aides) {}
