package com.toaide.images;

import com.toaide.platform.failure.Failure;
import java.time.Duration;

/**
 * Why an upload cannot become a photo on the page, as the domain's failure kinds (Errors gives
 * each its status). The messages are for the person who sent it.
 */
final class Refusals {
    private Refusals() {}

    static Failure tooLarge() {
        return new Failure.TooLarge("That photo is over 10 MB. Try a smaller one, or a screenshot of it.");
    }

    static Failure notAPicture() {
        return new Failure.Unsupported("That file isn't a picture AIde can use. Try a JPEG, PNG, WebP or GIF.");
    }

    static Failure damaged() {
        return new Failure.Unusable("That picture seems damaged or incomplete. Try saving it again, or pick another.");
    }

    static Failure empty() {
        return new Failure.Unusable("That file is empty.");
    }

    static Failure tooManyPixels(long pixels) {
        return new Failure.Unusable("That picture is too large (" + Math.round(pixels / 1e6)
                + " megapixels). Photos up to 40 megapixels work.");
    }

    static Failure quotaReached(String quota, boolean free) {
        return new Failure.Conflict("Your photos have used all " + quota
                + " of storage on your plan. Delete some photos to make room"
                + (free ? ", or upgrade to Pro for 5 GB." : "."));
    }

    /** Too many photos are being processed right now; the sender should try again shortly. */
    static Failure busy() {
        return new Failure.Unavailable("Lots of photos are arriving at once. Try again in a moment.", Duration.ofSeconds(5));
    }
}
