package com.toaide.images;

import java.util.List;
import java.util.UUID;

/** A photo as the editor's JavaScript sees it: its id, upright size, and where each size is. */
public record ImageJson(UUID id, int width, int height, String src, String srcset, List<Integer> widths) {

    static ImageJson of(StoredImage image) {
        return new ImageJson(image.id(), image.width(), image.height(), EditorImageUrls.src(image),
                EditorImageUrls.srcset(image), image.sizes().stream().map(StoredImage.Size::width).toList());
    }
}
