package com.toaide.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The HTTP load run (docs/performance.md): signs in a set of users through the real magic-link
 * flow (dev outbox), gives each an aide with a table, then drives direct edits and page views at
 * a fixed arrival rate for a fixed time and reports throughput, latency percentiles, errors and
 * the server's RSS.
 *
 * <p>Open model: requests start on a schedule whether or not earlier ones finished, and latency
 * counts from the scheduled start, so a slow server cannot hide its queueing (no coordinated
 * omission). Each user comes from its own client IP (the server must run with TRUSTED_PROXY=true),
 * so the per-user and per-IP limits see what real users would make. It only ever talks to the
 * given local URL and stops by itself.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=com.toaide.load.LoadRun \
 *     -Dbench.args="--url http://localhost:8080 --users 400 --seconds 60 --rate 500 --pid 12345"
 * </pre>
 */
public final class LoadRun {
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]*/auth/verify\\?token=[^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final int ROWS = 10;

    record User(String ip, String cookie, String aide) {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        URI base = URI.create(options.getOrDefault("url", "http://localhost:8080"));
        if (!base.getHost().equals("localhost") && !base.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("The load run only targets this machine (localhost).");
        }
        int users = Integer.parseInt(options.getOrDefault("users", "400"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        double views = Double.parseDouble(options.getOrDefault("views", "0.1"));
        long pid = Long.parseLong(options.getOrDefault("pid", "-1"));

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        var run = new LoadRun(http, base);
        long setupStart = System.nanoTime();
        var signedIn = new ArrayList<User>();
        for (int i = 0; i < users; i++) {
            signedIn.add(run.signUp(i));
        }
        System.out.printf("Signed in %d users and seeded their aides in %.1f s%n", users, (System.nanoTime() - setupStart) / 1e9);
        run.drive(signedIn, seconds, rate, views, pid);
        System.exit(0);
    }

    private final HttpClient http;
    private final URI base;
    private final Random random = new Random(7);

    private LoadRun(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    private User signUp(int n) throws Exception {
        String ip = "10.77." + (n / 250) + "." + (n % 250 + 1);
        String email = "load-" + n + "-" + System.nanoTime() + "@example.com";
        var login = send(request("/login", ip).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))));
        check(login, 303, "request a sign-in link");
        var outbox = send(request("/dev/outbox", ip).GET());
        int at = outbox.body().indexOf(email);
        var link = LINK.matcher(outbox.body().substring(Math.max(0, at)));
        if (at < 0 || !link.find()) {
            throw new IllegalStateException("No sign-in link in the dev outbox: is the server on its embedded default?");
        }
        String token = URI.create(link.group(1).replace("&amp;", "&")).getQuery().substring("token=".length());
        var verify = send(request("/auth/verify", ip).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
        check(verify, 303, "sign in");
        String cookie = verify.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aide_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        var created = send(json("/aides", ip, cookie, ""));
        check(created, 201, "create an aide");
        var id = ID.matcher(created.body());
        id.find();
        String aide = id.group(1);
        var events = new StringBuilder("{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"League " + n + "\"}},"
                + "{\"t\":\"entity.create\",\"id\":\"players\",\"parent\":\"page\",\"display\":\"table\",\"p\":{\"title\":\"Players\"}}");
        for (int r = 0; r < ROWS; r++) {
            events.append(",{\"t\":\"entity.create\",\"id\":\"p").append(r).append("\",\"parent\":\"players\",\"p\":{\"name\":\"Player ")
                    .append(r).append("\",\"wins\":0,\"paid\":false}}");
        }
        check(send(json("/aides/" + aide + "/events", ip, cookie, events.append("]}").toString())), 200, "seed the aide");
        return new User(ip, cookie, aide);
    }

    private void drive(List<User> users, int seconds, int rate, double viewShare, long pid) throws Exception {
        var editLatencies = new ConcurrentLinkedQueue<Long>();
        var viewLatencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, AtomicLong>();
        var maxRss = new AtomicLong();
        var scheduler = Executors.newScheduledThreadPool(2);
        long periodNanos = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        var issued = new AtomicLong();
        long start = System.nanoTime();
        var done = new java.util.concurrent.CountDownLatch((int) total);

        scheduler.scheduleAtFixedRate(() -> maxRss.accumulateAndGet(rssKb(pid), Math::max), 0, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> {
            // Catch up on every slot the schedule says is due: the arrival rate does not bend to the server.
            long due = Math.min(total, (System.nanoTime() - start) / periodNanos + 1);
            while (issued.get() < due) {
                long slot = issued.getAndIncrement();
                long scheduled = start + slot * periodNanos;
                User user = users.get(random.nextInt(users.size()));
                boolean view = random.nextDouble() < viewShare;
                var request = view ? page(user) : edit(user);
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    long latency = System.nanoTime() - scheduled;
                    (view ? viewLatencies : editLatencies).add(latency);
                    int status = failure != null ? -1 : response.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    done.countDown();
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);

        boolean finished = done.await(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        scheduler.shutdownNow();
        System.out.printf("%nRan %d s at a scheduled %d requests/s (%.0f%% page views), %d users; finished: %s%n",
                seconds, rate, viewShare * 100, users.size(), finished);
        System.out.printf("Edits: %d done, %.0f/s%n", editLatencies.size(), editLatencies.size() / elapsed);
        report("POST /aides/{id}/events", editLatencies);
        report("GET /aides/{id}", viewLatencies);
        System.out.printf("Errors: %d (statuses %s)%n", errors.get(), statuses);
        System.out.printf("Server RSS (max sampled): %s%n", maxRss.get() > 0 ? (maxRss.get() / 1024) + " MB" : "pass --pid to sample it");
    }

    private static void report(String name, ConcurrentLinkedQueue<Long> latencies) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        System.out.printf("%-26s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", name, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private HttpRequest edit(User user) {
        int row = random.nextInt(ROWS);
        String body = "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"p" + row + "\",\"p\":{\"wins\":" + random.nextInt(100) + "}}]}";
        return json("/aides/" + user.aide() + "/events", user.ip(), user.cookie(), body).build();
    }

    private HttpRequest page(User user) {
        return request("/aides/" + user.aide(), user.ip()).header("Cookie", user.cookie()).GET().build();
    }

    private HttpRequest.Builder request(String path, String ip) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Origin", base.getScheme() + "://" + base.getAuthority()).header("X-Forwarded-For", ip);
    }

    private HttpRequest.Builder json(String path, String ip, String cookie, String body) {
        return request(path, ip).header("Cookie", cookie).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static long rssKb(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception processGone) {
            return 0;
        }
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Options come in pairs: " + Arrays.toString(args));
        }
        return options;
    }
}
