package com.toaide.publish;

import com.toaide.aides.AideService;
import com.toaide.aides.EditHistory;
import com.toaide.aides.EditService;
import com.toaide.billing.BillingService;
import com.toaide.images.ImageProcessor;
import com.toaide.images.ImageService;
import com.toaide.platform.db.Database;
import com.toaide.platform.limits.RateLimiter;
import com.toaide.platform.storage.EmbeddedS3;
import com.toaide.platform.storage.S3BlobStore;
import com.toaide.render.Renderer;
import com.toaide.testing.TestPostgres;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One whole publish (slug check, render, three uploads, the version row, the feed) of an
 * 85-entity and a 1,000-entity aide, against embedded Postgres and the embedded S3 server
 * (docs/performance.md, "Publishing").
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=PublishBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PublishBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EmbeddedS3 s3;
    private S3BlobStore storage;
    private Database db;
    private PublishService publish;
    private UUID user;
    private UUID aide85;
    private UUID aide1000;
    private byte[] page;

    @Setup(Level.Trial)
    public void setup() {
        s3 = EmbeddedS3.inMemory();
        storage = S3BlobStore.connect(s3.endpoint(), s3.accessKey(), s3.secretKey());
        storage.ensureBucket("bench-published");
        storage.ensureBucket("bench-workspaces");
        db = Database.connect(TestPostgres.freshDatabase(), 4);
        var billing = new BillingService(db, Optional.empty(), URI.create("http://localhost:8080"));
        var edits = new EditService(db, Clock.systemUTC());
        publish = new PublishService(db, new PublishedObjects(storage, "bench-published", "bench-workspaces", URI.create("http://localhost:8080")),
                edits, new EditHistory(db, edits), new Renderer(), billing,
                new ImageService(db, storage, "bench-workspaces", billing, new ImageProcessor(), Clock.systemUTC()),
                new RateLimiter(db, new HourPerCall()), URI.create("http://localhost:8080"), Clock.systemUTC(), new SecureRandom());
        user = db.asSystem(h -> h.createQuery("insert into users (email) values ('bench@example.com') returning id")
                .mapTo(UUID.class).one());
        var aides = new AideService(db, billing);
        aide85 = aides.create(user);
        edits.edit(user, aide85, events(85));
        aide1000 = aides.create(user);
        edits.edit(user, aide1000, events(1000));
        page = new byte[20_000];
        java.util.Arrays.fill(page, (byte) 'a');
    }

    /**
     * A clock an hour later at every reading: each publish counts in a window of its own, so the
     * bench measures publishing, not the hourly limit it would reach in its first second.
     */
    static final class HourPerCall extends Clock {
        private final java.util.concurrent.atomic.AtomicLong hours = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(java.time.Duration.ofHours(hours.incrementAndGet()));
        }
    }

    /** Each iteration starts from an unpublished aide, so the feed does not grow without end. */
    @Setup(Level.Iteration)
    public void reset() {
        publish.unpublish(user, aide85);
        publish.unpublish(user, aide1000);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
        storage.close();
        s3.close();
    }

    @Benchmark
    public Published publish85() {
        return publish.publish(user, aide85, Optional.empty());
    }

    @Benchmark
    public Published publish1000() {
        return publish.publish(user, aide1000, Optional.empty());
    }

    /** One upload of a page-sized object alone: how much of a publish is the store's round trip. */
    @Benchmark
    public void uploadOnly() {
        storage.put("bench-published", "bench/index.html", page, "text/html; charset=utf-8", PublishedObjects.PAGE_CACHE);
    }

    /** A page, sections of 20, each a table of rows with five props: {@code n} entities in all. */
    static List<JsonNode> events(int n) {
        var events = new ArrayList<JsonNode>();
        events.add(JSON.readTree("{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"League\"}}"));
        int made = 1;
        int section = 0;
        while (made < n) {
            String table = "t" + section++;
            events.add(JSON.readTree("{\"t\":\"entity.create\",\"id\":\"" + table + "\",\"parent\":\"page\",\"display\":\"table\",\"p\":{\"title\":\"Week "
                    + section + "\"}}"));
            made++;
            for (int row = 0; row < 20 && made < n; row++, made++) {
                events.add(JSON.readTree("{\"t\":\"entity.create\",\"id\":\"" + table + "_r" + row + "\",\"parent\":\"" + table
                        + "\",\"p\":{\"name\":\"Player " + row + "\",\"wins\":" + row + ",\"paid\":" + (row % 2 == 0)
                        + ",\"joined\":\"2026-02-12\",\"note\":\"Brings snacks & cards <sometimes>\"}}"));
            }
        }
        return events;
    }
}
