package com.toaide.aides;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every query runs inside {@code Database.asUser}: row-level security limits it to that user's rows. */
@RegisterConstructorMapper(AideSummary.class)
@RegisterConstructorMapper(StoredAide.class)
@RegisterConstructorMapper(StoredEvent.class)
interface AideDao {
    String AUTO_PUBLISH = "(auto_publish and published_version is not null) as auto_publish";

    @SqlQuery("""
            select id, coalesce(title, '') as title, status,
                   case when published_version is not null then slug end as slug, updated_at
              from aides
             where status = 'active'
             order by updated_at desc
            """)
    List<AideSummary> listActive();

    @SqlQuery("select count(*) from aides where status = 'active'")
    int countActive();

    @SqlQuery("""
            insert into aides (user_id, state)
            values (app_user_id(), cast(:state as jsonb))
            returning id
            """)
    UUID create(@Bind("state") String emptyState);

    @SqlQuery("select id, coalesce(title, '') as title, status, slug, updated_at from aides where id = :id")
    Optional<AideSummary> find(@Bind("id") UUID id);

    /**
     * The aide's log position, locked until the transaction ends. The snapshot is left out
     * ({@code state} null): the in-memory history at that position is usually current.
     */
    @SqlQuery("select id, null as state, log_seq, " + AUTO_PUBLISH + " from aides where id = :id for update")
    Optional<StoredAide> lockForEdit(@Bind("id") UUID id);

    /** The aide's log position only ({@code state} null), for a reader with a current history in memory. */
    @SqlQuery("select id, null as state, log_seq, " + AUTO_PUBLISH + " from aides where id = :id")
    Optional<StoredAide> position(@Bind("id") UUID id);

    @SqlQuery("select id, state::text as state, log_seq, " + AUTO_PUBLISH + " from aides where id = :id")
    Optional<StoredAide> read(@Bind("id") UUID id);

    @SqlQuery("""
            select seq, batch, actor, source, ts, event::text as event
              from aide_events
             where aide_id = :id
             order by seq
            """)
    List<StoredEvent> events(@Bind("id") UUID aideId);

    @SqlBatch("""
            insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event)
            values (:aideId, :seq, app_user_id(), :batch, :actor, :source, :ts, cast(:event as jsonb))
            """)
    void append(@Bind("aideId") UUID aideId, @BindMethods List<StoredEvent> events);

    @SqlUpdate("""
            update aides
               set state = cast(:state as jsonb), log_seq = :logSeq, title = :title, updated_at = now()
             where id = :id
            """)
    void saveState(@Bind("id") UUID id, @Bind("state") String state, @Bind("logSeq") long logSeq, @Bind("title") String title);

    @SqlUpdate("update aides set title = :title, updated_at = now() where id = :id")
    int rename(@Bind("id") UUID id, @Bind("title") String title);

    @SqlUpdate("update aides set status = 'archived', updated_at = now() where id = :id and status = 'active'")
    int archive(@Bind("id") UUID id);

    @SqlUpdate("delete from aides where id = :id")
    int delete(@Bind("id") UUID id);

    /** Delivered to every listening instance when the transaction commits. */
    @SqlQuery("select pg_notify('aide_changes', :payload) is null")
    boolean notifyChange(@Bind("payload") String payload);

    /** Delivered on commit to the auto-publishers, for aides that republish on every change. */
    @SqlQuery("select pg_notify('" + EditService.AUTO_PUBLISH_CHANNEL + "', cast(:id as text)) is null")
    boolean notifyAutoPublish(@Bind("id") UUID aideId);

}
