package com.toaide.images;

/**
 * An upload that cannot become a photo on the page. The message is for the person who sent it;
 * the status says which kind of refusal it is (too large, not a picture, damaged, no room).
 */
public final class ImageRefused extends RuntimeException {
    private final int status;

    ImageRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ImageRefused tooLarge() {
        return new ImageRefused(413, "That photo is over 10 MB. Try a smaller one, or a screenshot of it.");
    }

    static ImageRefused notAPicture() {
        return new ImageRefused(415, "That file isn't a picture AIde can use. Try a JPEG, PNG, WebP or GIF.");
    }

    static ImageRefused damaged() {
        return new ImageRefused(422, "That picture seems damaged or incomplete. Try saving it again, or pick another.");
    }
}
