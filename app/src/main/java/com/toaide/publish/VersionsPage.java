package com.toaide.publish;

import com.toaide.platform.web.Layout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The versions page: the published link, every version with its date, size and notes, and the
 * publish, restore, unpublish and auto-publish controls. {@code published} is the version just
 * published (from the redirect), or null.
 */
public record VersionsPage(Layout layout, UUID aideId, PublishService.Status status, boolean pro, String published) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String id() {
        return aideId.toString();
    }

    public String when(PublishedVersion version) {
        return WHEN.format(version.createdAt());
    }

    public String size(PublishedVersion version) {
        int bytes = version.sizeBytes();
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /** The newest version: restoring it would change nothing. */
    public boolean latest(PublishedVersion version) {
        return !status.versions().isEmpty() && status.versions().get(0).version() == version.version();
    }

    /** The owner's address of a version: it opens whether or not visitors can. */
    public String versionUrl(PublishedVersion version) {
        return "/aides/" + aideId + "/versions/" + version.version();
    }
}
