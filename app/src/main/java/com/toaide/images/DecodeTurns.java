package com.toaide.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads take turns at the decoder: one photo decodes at a time per instance, so memory stays
 * bounded however many arrive; a few wait their turn, and any more are told to try again.
 */
final class DecodeTurns {
    /** Decoding a photo takes tens of megabytes for a moment: one at a time per instance. */
    private static final int DECODE_SLOTS = 1;
    /** Uploads waiting for the decoder beyond this are told to try again, not queued. */
    private static final int MAX_WAITING = 4;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ImageProcessor processor;
    private final Semaphore decoders = new Semaphore(DECODE_SLOTS, true);
    private final AtomicInteger waiting = new AtomicInteger();

    DecodeTurns(ImageProcessor processor) {
        this.processor = processor;
    }

    ImageProcessor.ProcessedImage process(ImageService.Upload upload) {
        if (waiting.incrementAndGet() > MAX_WAITING + DECODE_SLOTS) {
            waiting.decrementAndGet();
            throw Refusals.busy();
        }
        boolean acquired = false;
        try {
            acquired = decoders.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw Refusals.busy();
            }
            // The bytes come into memory only now: waiting uploads stay on disk.
            return processor.process(read(upload));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusals.busy();
        } finally {
            if (acquired) {
                decoders.release();
            }
            waiting.decrementAndGet();
        }
    }

    private static byte[] read(ImageService.Upload upload) {
        try (InputStream in = upload.open()) {
            byte[] bytes = in.readNBytes(ImageProcessor.MAX_BYTES + 1);
            if (bytes.length > ImageProcessor.MAX_BYTES) {
                throw Refusals.tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
