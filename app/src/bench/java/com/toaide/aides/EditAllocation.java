package com.toaide.aides;

import com.sun.management.ThreadMXBean;
import com.toaide.billing.BillingService;
import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The bytes one direct edit allocates on its thread, and that thread's CPU, from the parsed
 * body through the written transaction (no HTTP): the load run's edit (one {@code entity.update}
 * of a 10-row table, 450 aides of 450 users in turn), in embedded Postgres.
 * Allocation per edit is steady from run to run, unlike CPU on a shared machine, so it guides
 * changes to the edit path (docs/performance.md, "HTTP: direct edits under load").
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=com.toaide.aides.EditAllocation -Dbench.args=""}
 */
public final class EditAllocation {
    private static final int AIDES = 450;
    private static final int ROWS = 10;

    public static void main(String[] args) {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (var db = Database.connect(TestPostgres.freshDatabase(), 4)) {
            var service = new EditService(db, Clock.systemUTC());
            var users = new ArrayList<UUID>();
            var aides = new ArrayList<UUID>();
            var aideService = new AideService(db, new BillingService(db, Optional.empty(), URI.create("http://localhost:8080")));
            for (int i = 0; i < AIDES; i++) {
                UUID user = HistoryBench.newUser(db);
                UUID aide = aideService.create(user);
                service.edit(user, aide, EditRequest.parse(seed(i)).events());
                users.add(user);
                aides.add(aide);
            }
            var random = new SplittableRandom(3);
            for (int round = 1; round <= 3; round++) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < edits; i++) {
                    byte[] body = ("{\"events\":[{\"t\":\"entity.update\",\"ref\":\"p" + random.nextInt(ROWS)
                            + "\",\"p\":{\"wins\":" + random.nextInt(100) + "}}]}").getBytes(StandardCharsets.UTF_8);
                    var request = EditRequest.parse(body);
                    service.edit(users.get(i % AIDES), aides.get(i % AIDES), request.events(), request.batch());
                }
                System.out.printf("round %d: %,d bytes and %.1f us of this thread's CPU per edit, %.2f ms wall%n", round,
                        (threads.getCurrentThreadAllocatedBytes() - bytes) / edits,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / edits, (System.nanoTime() - start) / 1e6 / edits);
            }
        }
    }

    private static byte[] seed(int n) {
        var events = new StringBuilder("{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"League " + n + "\"}},"
                + "{\"t\":\"entity.create\",\"id\":\"players\",\"parent\":\"page\",\"display\":\"table\",\"p\":{\"title\":\"Players\"}}");
        for (int r = 0; r < ROWS; r++) {
            events.append(",{\"t\":\"entity.create\",\"id\":\"p").append(r).append("\",\"parent\":\"players\",\"p\":{\"name\":\"Player ")
                    .append(r).append("\",\"wins\":0,\"paid\":false}}");
        }
        return events.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
