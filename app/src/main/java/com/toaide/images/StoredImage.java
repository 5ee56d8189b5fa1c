package com.toaide.images;

import java.util.List;
import java.util.UUID;

/**
 * A photo as stored: its upright dimensions (those of the largest size) and every size,
 * smallest first. Object keys follow from the ids, so a row and its objects always agree.
 */
public record StoredImage(UUID id, UUID aideId, UUID userId, int width, int height, long bytes, List<Size> sizes) {

    /** One stored size; {@code sha256} of its bytes names its published copy. */
    public record Size(int width, int height, String extension, String contentType, String sha256, long bytes) {
        public String fileName() {
            return width + "." + extension;
        }
    }

    /** Everything of one aide's photos lives under this prefix of the workspace bucket. */
    static String aidePrefix(UUID userId, UUID aideId) {
        return userPrefix(userId) + "aides/" + aideId + "/images/";
    }

    static String userPrefix(UUID userId) {
        return "users/" + userId + "/";
    }

    String prefix() {
        return aidePrefix(userId, aideId) + id + "/";
    }

    String key(Size size) {
        return prefix() + size.fileName();
    }

    /** The size a browser asked for by file name ({@code 960.jpg}), if there is one. */
    java.util.Optional<Size> size(String fileName) {
        return sizes.stream().filter(s -> s.fileName().equals(fileName)).findFirst();
    }
}
