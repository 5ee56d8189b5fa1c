package com.toaide.images;

import java.util.stream.Collectors;

/** Where the editor finds a photo's sizes: the owner-only route, one URL per stored size. */
final class EditorImageUrls {
    private EditorImageUrls() {}

    static String url(StoredImage image, StoredImage.Size size) {
        return "/aides/" + image.aideId() + "/images/" + image.id() + "/" + size.fileName();
    }

    /** The largest size: the fallback {@code src}. */
    static String src(StoredImage image) {
        return url(image, image.sizes().get(image.sizes().size() - 1));
    }

    static String srcset(StoredImage image) {
        return image.sizes().stream().map(s -> url(image, s) + " " + s.width() + "w").collect(Collectors.joining(", "));
    }
}
