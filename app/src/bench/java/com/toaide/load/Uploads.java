package com.toaide.load;

import com.toaide.images.ImageBench;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load run's photo uploads: a few people each uploading a 12-megapixel phone photo, the next
 * as soon as the last is answered, as the editor sends them (multipart, field {@code file}).
 * Closed loop on purpose: the point is to keep the server's decoder and its waiting line full
 * while the edits run, not to model an arrival rate.
 */
final class Uploads {
    private static final String BOUNDARY = "----aideload7c1e";

    private final HttpClient http;
    private final URI base;
    private final List<LoadRun.User> users;
    private final byte[] body;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong uploadedBytes = new AtomicLong();
    private volatile boolean stopping;

    Uploads(HttpClient http, URI base, List<LoadRun.User> users, int uploaders) {
        this.http = http;
        this.base = base;
        this.users = users;
        this.body = multipart(ImageBench.phonePhoto());
        System.out.printf("%d people upload a %.1f MB 12-megapixel photo one after another, beside the edits%n",
                uploaders, body.length / 1e6);
        for (int i = 0; i < uploaders; i++) {
            var random = new Random(100 + i);
            var thread = new Thread(() -> loop(random), "upload-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void loop(Random random) {
        while (!stopping) {
            var user = users.get(random.nextInt(users.size()));
            long start = System.nanoTime();
            int status;
            try {
                var request = HttpRequest.newBuilder(base.resolve("/aides/" + user.aide() + "/images"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Origin", base.getScheme() + "://" + base.getAuthority())
                        .header("X-Forwarded-For", user.ip()).header("Cookie", user.cookie())
                        .header("Accept", "application/json")
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                status = -1;
            }
            latencies.add(System.nanoTime() - start);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status == 201) {
                uploadedBytes.addAndGet(body.length);
            }
            if (status == 503) {
                // As the editor would: the server said "try again in a moment".
                sleep(1_000);
            }
        }
    }

    /** Lets the uploads in flight finish, then stops. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(70_000);
        }
    }

    void report(double seconds) {
        long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
        long stored = statuses.getOrDefault(201, new AtomicLong()).get();
        System.out.printf("Photo uploads: %d stored (%.2f/s, %.0f MB received), statuses %s%n",
                stored, stored / seconds, uploadedBytes.get() / 1e6, statuses);
        LoadRun.report("POST /aides/{id}/images", all, all.length);
    }

    private static byte[] multipart(byte[] photo) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"IMG_4031.JPG\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(photo);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
