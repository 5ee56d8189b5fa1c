package com.toaide.images;

/** Too many photos are being processed right now; the sender should try again shortly. */
public final class ImagesBusy extends RuntimeException {
    public ImagesBusy() {
        super("Lots of photos are arriving at once. Try again in a moment.", null, false, false);
    }
}
