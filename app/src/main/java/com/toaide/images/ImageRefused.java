package com.toaide.images;

/** An upload that cannot become a photo on the page; the message is for the person who sent it. */
public final class ImageRefused extends RuntimeException {
    public ImageRefused(String message) {
        super(message, null, false, false);
    }
}
