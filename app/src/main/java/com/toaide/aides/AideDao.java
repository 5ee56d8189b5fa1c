package com.toaide.aides;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every query runs inside {@code Database.asUser}: row-level security limits it to that user's rows. */
@RegisterConstructorMapper(AideSummary.class)
@RegisterConstructorMapper(StoredAide.class)
@RegisterConstructorMapper(StoredEvent.class)
@RegisterConstructorMapper(StoredCheckpoint.class)
interface AideDao {
    @SqlQuery("""
            select id, coalesce(title, '') as title, status,
                   case when published_version is not null then slug end as slug, updated_at
              from aides
             where status = :status
             order by updated_at desc
            """)
    List<AideSummary> list(@Bind("status") String status);

    /** Active aides that count toward the free plan: a page never edited (no event, no title) does not. */
    @SqlQuery("select count(*) from aides where status = 'active' and (log_seq > 0 or coalesce(title, '') <> '')")
    int countCounted();

    /**
     * The user's newest page never edited, brought to the top of the dashboard: "New page" opens it
     * again rather than making another empty one.
     */
    @SqlQuery("""
            update aides set updated_at = now()
             where id = (select id from aides
                          where status = 'active' and log_seq = 0 and coalesce(title, '') = ''
                          order by created_at desc limit 1)
            returning id
            """)
    Optional<UUID> reuseEmpty();

    /**
     * Holds the user's count of aides until the transaction ends. An advisory lock on the user id,
     * not a row lock: it needs no grant on {@code users}.
     */
    @SqlQuery("select 1 from pg_advisory_xact_lock(hashtextextended('aide-count:' || app_user_id()::text, 0))")
    int lockAideCount();

    @SqlQuery("""
            insert into aides (user_id, state)
            values (app_user_id(), cast(:state as json))
            returning id
            """)
    UUID create(@Bind("state") String emptyState);


    /**
     * The aide's snapshot and log position, locked until the transaction ends, so its log can be
     * read to match (loading an aide that is not in memory).
     */
    @SqlQuery("select id, state::text as state, log_seq, edit_answers::text as answers from aides where id = :id for update")
    Optional<StoredAide> lockForLoad(@Bind("id") UUID id);


    /** The entries with {@code after < seq <= upto}. */
    @SqlQuery("""
            select seq, batch, actor, source, ts, event::text as event
              from aide_events
             where aide_id = :id and seq > :after and seq <= :upto
             order by seq
            """)
    List<StoredEvent> eventsBetween(@Bind("id") UUID aideId, @Bind("after") long after, @Bind("upto") long upto);

    /** The last {@code limit} entries at or before {@code upto}, newest first: the History panel's page. */
    @SqlQuery("""
            select seq, batch, actor, source, ts, event::text as event
              from aide_events
             where aide_id = :id and seq <= :upto
             order by seq desc
             limit :limit
            """)
    List<StoredEvent> latestEvents(@Bind("id") UUID aideId, @Bind("upto") long upto, @Bind("limit") int limit);

    /** One batch's entries up to {@code upto} (its undo and redo markers are in batches of their own). */
    @SqlQuery("""
            select seq, batch, actor, source, ts, event::text as event
              from aide_events
             where aide_id = :id and batch = :batch and seq <= :upto
             order by seq
            """)
    List<StoredEvent> batchEvents(@Bind("id") UUID aideId, @Bind("batch") String batch, @Bind("upto") long upto);

    /** The latest checkpoint at or before {@code upto}; its state only when {@code withState}. */
    @SqlQuery("""
            select seq, case when :withState then state::text end as state, bookkeeping::text as bookkeeping
              from aide_checkpoints
             where aide_id = :id and seq <= :upto
             order by seq desc
             limit 1
            """)
    Optional<StoredCheckpoint> checkpoint(@Bind("id") UUID aideId, @Bind("upto") long upto, @Bind("withState") boolean withState);

    @SqlQuery("select seq from aide_checkpoints where aide_id = :id order by seq")
    List<Long> checkpointSeqs(@Bind("id") UUID aideId);

    @SqlUpdate("""
            insert into aide_checkpoints (aide_id, seq, user_id, state, bookkeeping)
            values (:id, :seq, app_user_id(), cast(:state as json), cast(:bookkeeping as jsonb))
            on conflict do nothing
            """)
    void keepCheckpoint(@Bind("id") UUID aideId, @Bind("seq") long seq, @Bind("state") String state,
                        @Bind("bookkeeping") String bookkeeping);

    @SqlUpdate("update aides set title = :title, updated_at = now() where id = :id")
    int rename(@Bind("id") UUID id, @Bind("title") String title);

    @SqlUpdate("update aides set status = 'archived', updated_at = now() where id = :id and status = 'active'")
    int archive(@Bind("id") UUID id);

    @SqlUpdate("update aides set status = 'active', updated_at = now() where id = :id and status = 'archived'")
    int unarchive(@Bind("id") UUID id);

    @SqlUpdate("delete from aides where id = :id")
    int delete(@Bind("id") UUID id);
}
