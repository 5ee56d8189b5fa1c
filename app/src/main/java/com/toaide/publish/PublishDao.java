package com.toaide.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Publishing's rows. User queries run inside {@code Database.asUser} (row-level security limits
 * them to that user's aides); the ones marked "system" run on the system path for jobs.
 */
@RegisterConstructorMapper(PublishDao.AideRow.class)
@RegisterConstructorMapper(PublishedVersion.class)
@RegisterConstructorMapper(PublishDao.AutoState.class)
interface PublishDao {

    /**
     * The aide's publishing state; {@code publishedSeq} is the point of the log the live page shows
     * (null: unknown), {@code liveFromVersion} the first version of its current time on the public address.
     */
    record AideRow(UUID id, String title, String slug, Integer publishedVersion, boolean autoPublish, Long publishedSeq,
                   long logSeq, Integer liveFromVersion) {}

    /** Whether an aide wants an automatic publish, and when it may run. */
    record AutoState(UUID userId, Instant publishedAt, boolean wanted, double waitSeconds) {}

    @SqlQuery("""
            select id, coalesce(title, '') as title, slug, published_version, auto_publish, published_seq, log_seq,
                   live_from_version
              from aides where id = :id
            """)
    Optional<AideRow> find(@Bind("id") UUID aideId);

    /** Locks the row until the transaction ends, so two publishes of one aide take turns. */
    @SqlQuery("""
            select id, coalesce(title, '') as title, slug, published_version, auto_publish, published_seq, log_seq,
                   live_from_version
              from aides where id = :id for update
            """)
    Optional<AideRow> lock(@Bind("id") UUID aideId);

    /**
     * Claims a slug for the user unless someone claimed it before (a claim is forever, even after
     * the aide or the account is gone); true when the slug is now, or already was, this user's.
     */
    @SqlQuery("""
            with claimed as (
                insert into slugs (slug, user_id) values (:slug, app_user_id())
                on conflict (slug) do nothing
                returning 1
            )
            select exists (select 1 from claimed) or exists (select 1 from slugs where slug = :slug)
            """)
    boolean claim(@Bind("slug") String slug);

    /** Gives a slug the user claimed to an aide that has none; the unique index refuses one another aide holds. */
    @SqlUpdate("update aides set slug = :slug where id = :id and slug is null")
    int reserve(@Bind("id") UUID aideId, @Bind("slug") String slug);

    /** The highest version number ever used under the aide's slug (kept even when versions are deleted). */
    @SqlQuery("select coalesce((select s.last_version from aides a join slugs s on s.slug = a.slug where a.id = :id), 0)")
    int lastVersion(@Bind("id") UUID aideId);

    @SqlUpdate("""
            insert into published_versions (aide_id, version, user_id, slug, object_key, size_bytes, notes, log_seq)
            values (:id, :version, app_user_id(), :slug, :key, :size, :notes, :seq)
            """)
    void addVersion(@Bind("id") UUID aideId, @Bind("version") int version, @Bind("slug") String slug,
                    @Bind("key") String key, @Bind("size") int size, @Bind("notes") String notes, @Bind("seq") long logSeq);

    /**
     * {@code at}: when the published snapshot was read, so a change after it still counts as
     * unpublished; {@code seq}: the point of the log it shows.
     */
    @SqlUpdate("update aides set published_version = :version, published_at = :at, published_seq = :seq where id = :id")
    void markPublished(@Bind("id") UUID aideId, @Bind("version") int version, @Bind("at") Instant at, @Bind("seq") long seq);

    /** A publish of an aide that is not published now starts its time on the public address at this version. */
    @SqlUpdate("update aides set live_from_version = :version where id = :id and published_version is null")
    void startLive(@Bind("id") UUID aideId, @Bind("version") int version);

    @SqlQuery("select clock_timestamp()")
    Instant now();

    /** Newest first. */
    @SqlQuery("""
            select version, slug, object_key, size_bytes, notes, created_at, log_seq
              from published_versions where aide_id = :id order by version desc
            """)
    List<PublishedVersion> versions(@Bind("id") UUID aideId);

    /** A version deleted by {@link #pruneVersions}: its files go after the transaction. */
    record Pruned(int version, String objectKey) {}

    /** Deletes all but the newest {@code keep} versions of the aide. */
    @SqlQuery("""
            delete from published_versions
             where aide_id = :id
               and version not in (select version from published_versions where aide_id = :id order by version desc limit :keep)
            returning version, object_key
            """)
    @RegisterConstructorMapper(Pruned.class)
    List<Pruned> pruneVersions(@Bind("id") UUID aideId, @Bind("keep") int keep);

    @SqlUpdate("delete from published_versions where aide_id = :id")
    void deleteVersions(@Bind("id") UUID aideId);

    /** The slug stays with the aide; only the published state goes. */
    @SqlUpdate("update aides set published_version = null, published_at = null, auto_publish = false where id = :id")
    int markUnpublished(@Bind("id") UUID aideId);

    @SqlUpdate("update aides set auto_publish = :on where id = :id")
    int setAutoPublish(@Bind("id") UUID aideId, @Bind("on") boolean on);

    /** Every slug the user's aides hold (account deletion). */
    @SqlQuery("select slug from aides where slug is not null")
    List<String> slugs();

    /**
     * System: locks the aide's row and says whether it needs an automatic publish (on, published,
     * changed since) and how many seconds remain until it is due (0: due now). It is due when
     * the page has been quiet for {@code quiet} seconds, or its first unpublished change is
     * {@code gap} seconds old (so a page edited without a pause still goes out), and never
     * sooner than {@code gap} seconds after the last publish. A row published before the log
     * point was kept ({@code published_seq} null) counts as changed once.
     */
    @SqlQuery("""
            select a.user_id, a.published_at,
                   coalesce(a.auto_publish and a.published_version is not null and a.log_seq > coalesce(a.published_seq, -1), false) as wanted,
                   coalesce(greatest(0, extract(epoch from
                       greatest(a.published_at + make_interval(secs => :gap),
                                least(a.updated_at + make_interval(secs => :quiet),
                                      coalesce((select e.ts from aide_events e
                                                 where e.aide_id = a.id and e.seq > coalesce(a.published_seq, 0)
                                                 order by e.seq limit 1), a.updated_at) + make_interval(secs => :gap)))
                       - now())), 0)::float8 as wait_seconds
              from aides a where a.id = :id for update of a
            """)
    Optional<AutoState> lockForAutoPublish(@Bind("id") UUID aideId, @Bind("quiet") long quietSeconds, @Bind("gap") long gapSeconds);

    /** System: the claim of an automatic publish (other instances now see it as not due). */
    @SqlUpdate("update aides set published_at = now() where id = :id")
    void claimAutoPublish(@Bind("id") UUID aideId);

    /** System: gives a claim back after a failed upload. */
    @SqlUpdate("update aides set published_at = :at where id = :id")
    void restorePublishedAt(@Bind("id") UUID aideId, @Bind("at") Instant at);

    /** System: which of these slugs an aide holds as published. */
    @SqlQuery("select slug from aides where published_version is not null and slug = any(:slugs)")
    List<String> publishedAmong(@Bind("slugs") String[] slugs);
}
