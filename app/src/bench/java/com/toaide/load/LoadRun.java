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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The HTTP load run (docs/performance.md): signs in a set of users through the real magic-link
 * flow (dev outbox), gives each an aide with a table, then drives direct edits and page views at
 * a fixed arrival rate for a fixed time and reports throughput, latency percentiles, errors and
 * the server's RSS.
 *
 * <p>Open model: requests are due on a fixed schedule whether or not earlier ones finished, and
 * latency counts from the time each was due, so a slow server cannot hide its queueing (no
 * coordinated omission). They go out over 64 persistent connections ({@link KeepAliveConnection});
 * a request due while all are busy waits in the client's queue, and that wait counts. Each user
 * comes from its own client IP (the server must run with TRUSTED_PROXY=true), so the per-user
 * and per-IP limits see what real users would make: keep {@code rate * 60 / users} well under
 * 100. {@code --warmup} seconds at the same rate go first and are not counted (the JIT compiles
 * the hot path meanwhile). It only ever talks to the given local URL and stops by itself.
 *
 * <p>{@code --uploaders N} adds N people uploading 12-megapixel phone photos one after another
 * (each starts the next as soon as the last is answered) for the whole measured phase, beside
 * the edits: more than the one decoding slot and its waiting line hold, so the server's photo
 * queue stays full and some uploads are told to try again (503), the worst case for memory.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=com.toaide.load.LoadRun \
 *     -Dbench.args="--url http://localhost:8080 --users 450 --warmup 20 --seconds 60 --rate 500 --views 0 --pid 12345 --postgres-pid 12346"
 * </pre>
 */
public final class LoadRun {
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]*/auth/verify\\?token=[^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final int ROWS = 10;
    /** Persistent connections of the drive phase; requests beyond them wait in the client's queue, and that wait counts. */
    private static final int CONNECTIONS = 64;

    record User(String ip, String cookie, String aide) {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        URI base = URI.create(options.getOrDefault("url", "http://localhost:8080"));
        if (!base.getHost().equals("localhost") && !base.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("The load run only targets this machine (localhost).");
        }
        int users = Integer.parseInt(options.getOrDefault("users", "400"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        double views = Double.parseDouble(options.getOrDefault("views", "0.1"));
        long pid = Long.parseLong(options.getOrDefault("pid", "-1"));
        int uploaders = Integer.parseInt(options.getOrDefault("uploaders", "0"));
        long postgresPid = Long.parseLong(options.getOrDefault("postgres-pid", "-1"));

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        var run = new LoadRun(http, base);
        long setupStart = System.nanoTime();
        var signedIn = new ArrayList<User>();
        for (int i = 0; i < users; i++) {
            signedIn.add(run.signUp(i));
        }
        System.out.printf("Signed in %d users and seeded their aides in %.1f s%n", users, (System.nanoTime() - setupStart) / 1e9);
        run.drive(signedIn, warmup, seconds, rate, views, pid, postgresPid, uploaders);
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
        // The dev outbox answers only a client on this machine that no proxy relayed: no X-Forwarded-For.
        var outbox = send(HttpRequest.newBuilder(base.resolve("/dev/outbox")).timeout(Duration.ofSeconds(10)).GET());
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

    /** One scheduled request: when it was due, and whether it is a page view. */
    private record Slot(long dueNanos, User user, boolean view) {}

    /** Latencies (ns from the scheduled start) and statuses of one phase. */
    private static final class Phase {
        final long[] edits;
        final long[] views;
        final AtomicInteger editCount = new AtomicInteger();
        final AtomicInteger viewCount = new AtomicInteger();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final CountDownLatch done;

        Phase(int total) {
            edits = new long[total];
            views = new long[total];
            done = new CountDownLatch(total);
        }

        void record(Slot slot, int status) {
            long latency = System.nanoTime() - slot.dueNanos();
            if (slot.view()) {
                views[viewCount.getAndIncrement()] = latency;
            } else {
                edits[editCount.getAndIncrement()] = latency;
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            done.countDown();
        }
    }

    private void drive(List<User> users, int warmup, int seconds, int rate, double viewShare, long pid, long postgresPid,
                       int uploaders) throws Exception {
        var maxRss = new AtomicLong();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> maxRss.accumulateAndGet(rssKb(pid), Math::max), 0, 1, TimeUnit.SECONDS);
        var queue = new LinkedBlockingQueue<Slot>();
        var phase = new java.util.concurrent.atomic.AtomicReference<Phase>();
        var address = new InetSocketAddress(base.getHost(), base.getPort());
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < CONNECTIONS; i++) {
            var worker = new Thread(() -> work(queue, phase, address), "load-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        if (warmup > 0) {
            System.out.printf("Warming up for %d s at %d requests/s...%n", warmup, rate);
            run(users, warmup, rate, viewShare, queue, phase);
        }
        var photos = uploaders > 0 ? new Uploads(http, base, users, uploaders) : null;
        var cpuBefore = ProcessCpu.of(pid, postgresPid);
        var measured = run(users, seconds, rate, viewShare, queue, phase);
        var cpuAfter = ProcessCpu.of(pid, postgresPid);
        if (photos != null) {
            photos.stop();
        }
        sampler.shutdownNow();
        System.out.printf("%nRan %d s at a scheduled %d requests/s (%.0f%% page views), %d users, %d connections%n",
                seconds, rate, viewShare * 100, users.size(), CONNECTIONS);
        System.out.printf("Edits: %d done, %.0f/s%n", measured.phase.editCount.get(), measured.phase.editCount.get() / measured.elapsedSeconds);
        report("POST /aides/{id}/events", measured.phase.edits, measured.phase.editCount.get());
        report("GET /aides/{id}", measured.phase.views, measured.phase.viewCount.get());
        long errors = measured.phase.statuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("Errors: %d (statuses %s)%n", errors, measured.phase.statuses);
        if (photos != null) {
            photos.report(measured.elapsedSeconds);
        }
        System.out.printf("Server RSS (max sampled): %s%n", maxRss.get() > 0 ? (maxRss.get() / 1024) + " MB" : "pass --pid to sample it");
        int requests = measured.phase.editCount.get() + measured.phase.viewCount.get();
        System.out.println(cpuAfter.minus(cpuBefore).perRequest(requests));
        System.out.println("Machine: " + ProcessCpu.machine());
    }

    private record Measured(Phase phase, double elapsedSeconds) {}

    /** Issues {@code rate} requests a second for {@code seconds} on a fixed schedule and waits for their answers. */
    private Measured run(List<User> users, int seconds, int rate, double viewShare, BlockingQueue<Slot> queue,
                         java.util.concurrent.atomic.AtomicReference<Phase> current) throws InterruptedException {
        int total = rate * seconds;
        var phase = new Phase(total);
        current.set(phase);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int slot = 0; slot < total; slot++) {
            long due = start + slot * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            // The arrival schedule does not bend to the server: a slow answer queues the next ones here.
            queue.add(new Slot(due, users.get(random.nextInt(users.size())), random.nextDouble() < viewShare));
        }
        boolean finished = phase.done.await(30, TimeUnit.SECONDS);
        if (!finished) {
            System.out.println("Some requests had not finished 30 s after the last was due.");
        }
        return new Measured(phase, (System.nanoTime() - start) / 1e9);
    }

    private void work(BlockingQueue<Slot> queue, java.util.concurrent.atomic.AtomicReference<Phase> phase, InetSocketAddress address) {
        var random = new Random();
        try (var connection = new KeepAliveConnection(address, 10_000)) {
            while (true) {
                Slot slot = queue.take();
                int status;
                try {
                    status = connection.exchange(slot.view() ? page(slot.user()) : edit(slot.user(), random));
                } catch (IOException | RuntimeException failed) {
                    connection.close();
                    status = -1;
                }
                phase.get().record(slot, status);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    static void report(String name, long[] latencies, int count) {
        if (count == 0) {
            return;
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        System.out.printf("%-26s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", name, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private byte[] edit(User user, Random random) {
        int row = random.nextInt(ROWS);
        String body = "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"p" + row + "\",\"p\":{\"wins\":" + random.nextInt(100) + "}}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("POST /aides/" + user.aide() + "/events HTTP/1.1\r\n" + headers(user)
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] page(User user) {
        return ("GET /aides/" + user.aide() + " HTTP/1.1\r\n" + headers(user) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private String headers(User user) {
        return "Host: " + base.getAuthority() + "\r\nOrigin: " + base.getScheme() + "://" + base.getAuthority()
                + "\r\nX-Forwarded-For: " + user.ip() + "\r\nCookie: " + user.cookie() + "\r\n";
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
