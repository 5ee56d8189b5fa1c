package com.toaide.images;

import com.toaide.render.PageImages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One aide's photos for one rendering: loaded on the first lookup (a page without photos costs
 * nothing), each size at the URL {@code url} gives it, and a note of which photos the page
 * actually showed (publishing copies only those).
 */
public final class AidePhotos implements PageImages {
    private final Supplier<List<StoredImage>> load;
    private final BiFunction<StoredImage, StoredImage.Size, String> url;
    private Map<String, StoredImage> byId;
    private final Map<String, StoredImage> shown = new LinkedHashMap<>();

    AidePhotos(Supplier<List<StoredImage>> load, BiFunction<StoredImage, StoredImage.Size, String> url) {
        this.load = load;
        this.url = url;
    }

    @Override
    public synchronized Photo find(String id) {
        if (byId == null) {
            byId = load.get().stream().collect(Collectors.toMap(i -> i.id().toString(), i -> i, (a, b) -> a));
        }
        StoredImage image = byId.get(id);
        if (image == null || image.sizes().isEmpty()) {
            return null;
        }
        shown.put(id, image);
        var largest = image.sizes().get(image.sizes().size() - 1);
        String srcset = image.sizes().stream().map(s -> url.apply(image, s) + " " + s.width() + "w")
                .collect(Collectors.joining(", "));
        return new Photo(image.width(), image.height(), url.apply(image, largest), srcset);
    }

    /** The photos the rendering showed, each once. */
    public synchronized List<StoredImage> shown() {
        return List.copyOf(shown.values());
    }

    /** The published copy's name beside the page: content-addressed, so it never changes meaning. */
    public static String publishedName(StoredImage.Size size) {
        return "img/" + size.sha256() + "." + size.extension();
    }
}
