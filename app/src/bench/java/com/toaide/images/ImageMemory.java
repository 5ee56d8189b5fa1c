package com.toaide.images;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;

/**
 * The heap's peak while one 12-megapixel photo is processed, above what it held before
 * (docs/performance.md, "Photos"). Run with the production heap:
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=com.toaide.images.ImageMemory -Dbench.args=""}
 */
public final class ImageMemory {
    public static void main(String[] args) {
        byte[] photo = ImageBench.phonePhoto();
        var processor = new ImageProcessor();
        processor.process(photo);
        for (int run = 1; run <= 3; run++) {
            System.gc();
            long before = used();
            var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
            pools.forEach(p -> p.resetPeakUsage());
            long start = System.nanoTime();
            var result = processor.process(photo);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("run %d: %d ms, input %.1f MB, stored %.1f MB in %d sizes, heap peak %.0f MB above the %.0f MB held before%n",
                    run, ms, photo.length / 1e6, result.bytes() / 1e6, result.variants().size(), (peak - before) / 1e6, before / 1e6);
        }
    }

    private static long used() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
