package com.toaide.aides;

import com.toaide.billing.BillingService;
import com.toaide.platform.db.Database;
import com.toaide.render.Renderer;
import com.toaide.testing.TestPostgres;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * A page with a 50,000-event history in embedded Postgres (docs/performance.md, "Long
 * histories"): opening it cold from the database (a fresh {@link EditService}, so nothing is
 * cached: the stored snapshot, the latest checkpoint's bookkeeping and the entries since it),
 * and previewing a random point of History as the panel does (replayed from the nearest
 * checkpoint, rendered by the published renderer).
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=HistoryBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HistoryBench {
    static final int EVENTS = 50_000;

    private Database db;
    private Renderer renderer;
    private UUID user;
    private UUID aide;
    private EditService warm;
    private long last;
    private final SplittableRandom random = new SplittableRandom(11);

    @Setup(Level.Trial)
    public void setup() {
        db = Database.connect(TestPostgres.freshDatabase(), 4);
        renderer = new Renderer();
        user = newUser(db);
        var built = build(db, user, EVENTS);
        aide = built;
        warm = new EditService(db, Clock.systemUTC());
        last = warm.read(user, aide, (snapshot, version) -> version);
        System.out.printf("%nHistoryBench: %,d log entries%n", last);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** Opening the page on an instance that has never seen it. */
    @Benchmark
    public long coldOpen() {
        return new EditService(db, Clock.systemUTC()).read(user, aide, (snapshot, version) -> version);
    }

    /** The History panel's preview of a random point: replay from its checkpoint, then render. */
    @Benchmark
    public String previewAnyPoint() {
        long seq = 1 + random.nextLong(last);
        return new EditHistory(db, warm).at(user, aide, seq, (snapshot, version) -> renderer.publishedBody(snapshot));
    }

    /**
     * The floor under both: one transaction that reads the aide's log position (what every open
     * does first). On a loaded machine it shows how much of the figures above is the machine.
     */
    @Benchmark
    public long oneQuery() {
        return db.asUser(user, h -> new EditDao(h).position(aide).orElseThrow());
    }

    static UUID newUser(Database db) {
        return db.asSystem(h -> h.createQuery("insert into users (email) values (:e) returning id")
                .bind("e", "history-" + UUID.randomUUID() + "@example.com").mapTo(UUID.class).one());
    }

    /**
     * An aide of 200 rows in 10 tables, then edits of their values in batches of 50 (as a busy
     * season of direct edits and AI turns would make) until the log holds {@code events}.
     * Values change, the set of rows does not, so the page's size stays the same whatever the
     * length of its history.
     */
    static UUID build(Database db, UUID user, int events) {
        var edits = new EditService(db, Clock.systemUTC());
        UUID aide = new AideService(db, new BillingService(db, Optional.empty(), URI.create("http://localhost:8080"))).create(user);
        var json = JsonMapper.builder().build();
        var first = new ArrayList<JsonNode>();
        first.add(json.readTree("{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"League\"}}"));
        for (int t = 0; t < 10; t++) {
            first.add(json.readTree("{\"t\":\"entity.create\",\"id\":\"t" + t + "\",\"parent\":\"page\",\"display\":\"table\",\"p\":{\"title\":\"Week " + t + "\"}}"));
            for (int r = 0; r < 20; r++) {
                first.add(json.readTree("{\"t\":\"entity.create\",\"id\":\"t" + t + "_r" + r + "\",\"parent\":\"t" + t
                        + "\",\"p\":{\"name\":\"Player " + r + "\",\"wins\":0,\"paid\":false,\"note\":\"\"}}"));
            }
        }
        edits.edit(user, aide, first);
        int made = first.size();
        var random = new SplittableRandom(7);
        while (made < events) {
            List<JsonNode> batch = new ArrayList<>();
            for (int i = 0; i < 50 && made < events; i++, made++) {
                String ref = "t" + random.nextInt(10) + "_r" + random.nextInt(20);
                String props = switch (random.nextInt(3)) {
                    case 0 -> "{\"wins\":" + random.nextInt(100) + "}";
                    case 1 -> "{\"paid\":" + random.nextBoolean() + "}";
                    default -> "{\"note\":\"Brings snacks " + random.nextInt(1000) + "\"}";
                };
                batch.add(json.readTree("{\"t\":\"entity.update\",\"ref\":\"" + ref + "\",\"p\":" + props + "}"));
            }
            edits.edit(user, aide, batch);
        }
        return aide;
    }
}
