package com.toaide.aides;

import com.toaide.platform.web.Frame;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The dashboard: the user's active aides, newest first. {@code notice} is a message to show, or null. */
public record DashboardPage(Frame frame, List<AideSummary> aides, String publicBase, String notice) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public String updated(AideSummary aide) {
        return DAY.format(aide.updatedAt());
    }

    public String publicUrl(AideSummary aide) {
        return publicBase + "/s/" + aide.slug();
    }
}
