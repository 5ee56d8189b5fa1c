package com.toaide.aides;

import com.toaide.render.PageImages;
import java.util.UUID;

/** Where the editor finds an aide's uploaded photos (the images feature, wired in by hand). */
@FunctionalInterface
public interface EditorPhotos {
    EditorPhotos NONE = (userId, aideId) -> PageImages.NONE;

    /** The aide's photos for one rendering; loaded only if the page shows one. */
    PageImages of(UUID userId, UUID aideId);
}
