package com.toaide.aides;

import com.toaide.render.Titles;
import com.toaide.platform.web.Layout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard: the user's active aides, newest first, and the archived ones.
 *
 * @param limit    what the free plan's limit says when all its pages are in use, else null
 * @param alert    whether the limit was just met (a "New page" or an Unarchive refused): it is then announced
 * @param upgrade  whether to offer Pro at the limit (billing is on)
 * @param archived the aide just archived, for the status line with its Undo, else null
 */
public record DashboardPage(Layout layout, List<AideSummary> aides, List<AideSummary> archivedAides, String publicBase,
                            String limit, boolean alert, boolean upgrade, AideSummary archived) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public String updated(AideSummary aide) {
        return DAY.format(aide.updatedAt());
    }

    public String publicUrl(AideSummary aide) {
        return publicBase + "/s/" + aide.slug();
    }

    public String title(AideSummary aide) {
        return Titles.orUntitled(aide.title());
    }
}
