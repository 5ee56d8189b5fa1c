package com.toaide.aides;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;

/**
 * The heap an open page holds, for the same page with a 5,000- and a 50,000-event history
 * (docs/performance.md, "Long histories"): 40 instances each open the page (as 40 app instances
 * would), the heap is measured after a full collection, and the difference is divided by 40.
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=com.toaide.aides.HistoryMemory -Dbench.args=""}
 */
public final class HistoryMemory {
    private static final int OPEN = 40;

    public static void main(String[] args) {
        try (var db = Database.connect(TestPostgres.freshDatabase(), 4)) {
            UUID user = HistoryBench.newUser(db);
            for (int events : new int[] {5_000, 50_000}) {
                UUID aide = HistoryBench.build(db, user, events);
                for (int run = 1; run <= 2; run++) {
                    long before = settledHeap();
                    var open = new ArrayList<EditService>();
                    for (int i = 0; i < OPEN; i++) {
                        var edits = new EditService(db, Clock.systemUTC());
                        edits.read(user, aide, (snapshot, version) -> version);
                        open.add(edits);
                    }
                    long after = settledHeap();
                    System.out.printf("%,d events, run %d: %.0f KB per open page%n", events, run, (after - before) / 1024.0 / OPEN);
                    open.clear();
                }
            }
        }
    }

    private static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
