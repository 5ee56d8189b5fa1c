package com.toaide.publish;

import com.toaide.platform.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the objects under every slug that no aide holds as published: left by a deleted
 * account or aide whose cleanup did not finish, or by a failed first publish (docs/publishing.md,
 * publishing). Run by the scheduler; safe on several instances at once.
 */
public final class OrphanSweep {
    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    /** An upload younger than this may belong to a publish in progress: the sweep leaves it. */
    static final Duration GRACE = Duration.ofHours(1);

    private final Database db;
    private final PublishedObjects objects;
    private final Clock clock;

    public OrphanSweep(Database db, PublishedObjects objects, Clock clock) {
        this.db = db;
        this.objects = objects;
        this.clock = clock;
    }

    /**
     * One sweep; returns the slugs it emptied. Objects younger than {@link #GRACE} are left
     * alone. A {@link com.toaide.platform.storage.StorageUnavailable} ends the sweep (the next
     * one tries again).
     */
    public List<String> sweep() {
        Map<String, List<String>> bySlug = new LinkedHashMap<>();
        for (String key : objects.allKeys()) {
            int slash = key.indexOf('/');
            // Only slugs' objects: the not-found page (under "_/") and robots.txt belong to no aide.
            if (slash > 0 && Slugs.valid(key.substring(0, slash))) {
                bySlug.computeIfAbsent(key.substring(0, slash), s -> new ArrayList<>()).add(key);
            }
        }
        if (bySlug.isEmpty()) {
            return List.of();
        }
        Set<String> live = Set.copyOf(db.asSystem(handle -> handle.attach(PublishDao.class)
                .publishedAmong(bySlug.keySet().toArray(String[]::new))));
        Instant cutoff = clock.instant().minus(GRACE);
        var emptied = new ArrayList<String>();
        bySlug.forEach((slug, keys) -> {
            if (live.contains(slug)) {
                return;
            }
            boolean recent = keys.stream().map(objects::lastModified)
                    .anyMatch(modified -> modified.isPresent() && modified.get().isAfter(cutoff));
            if (!recent) {
                objects.deleteAll(slug);
                emptied.add(slug);
            }
        });
        if (!emptied.isEmpty()) {
            log.info("Orphan sweep removed the objects of {} slugs", emptied.size());
        }
        return emptied;
    }
}
