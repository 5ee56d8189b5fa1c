package com.toaide.images;

/** No such photo (or aide) for this user: always a plain 404, whoever owns it. */
public final class ImageNotFound extends RuntimeException {
    public ImageNotFound() {
        super(null, null, false, false);
    }
}
