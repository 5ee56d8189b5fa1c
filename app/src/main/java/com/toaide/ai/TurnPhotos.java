package com.toaide.ai;

import com.toaide.images.ImageService;
import com.toaide.render.PageImages;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The aide's uploaded photos as an AI turn sees them: the ones offered, and a check that a shown one exists. */
final class TurnPhotos {
    private TurnPhotos() {}

    /** The aide's newest uploaded photos, one more than are listed so older ones are said to be left out. */
    static List<UploadedPhotos.Photo> listed(ImageService images, UUID userId, UUID aideId) {
        return images.newest(userId, aideId, UploadedPhotos.MAX_LISTED + 1).stream()
                .map(image -> new UploadedPhotos.Photo(image.id().toString(), image.width(), image.height(), image.name(),
                        LocalDate.ofInstant(image.createdAt(), ZoneOffset.UTC)))
                .toList();
    }

    /**
     * The {@code upload:} reference of an event that shows a photo this aide does not have (a
     * made-up id, or another aide's), else null. The kernel cannot tell: it knows no photos, and
     * such a block would show nothing on the page.
     */
    static String unknown(ImageService images, UUID userId, UUID aideId, JsonNode event) {
        String src = event.path("p").path("src").asString(null);
        if (src == null || !src.startsWith(PageImages.SCHEME)) {
            return null;
        }
        String id = PageImages.idOf(src);
        boolean known = id != null && images.find(userId, aideId, UUID.fromString(id)).isPresent();
        return known ? null : src;
    }
}
