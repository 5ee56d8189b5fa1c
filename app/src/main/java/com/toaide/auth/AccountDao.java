package com.toaide.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The signed-in user's own rows; every call runs as that user, so RLS shows nothing else. */
@RegisterConstructorMapper(AccountDao.UserRow.class)
interface AccountDao {
    record UserRow(UUID id, String email, String tier, int turnCount, Instant turnWeekStart) {}

    @SqlQuery("select id, email, tier, turn_count, turn_week_start from users where id = :id")
    Optional<UserRow> user(@Bind("id") UUID id);

    /** The user's rows cascade with it: sessions, aides, events, conversations, turns, versions. */
    @SqlUpdate("delete from users where id = :id")
    int delete(@Bind("id") UUID id);

    // Export: each section as JSON text, built by Postgres so jsonb (aide state, events) stays JSON.
    // Stripe ids never leave the app.

    @SqlQuery("select (to_jsonb(u) - 'stripe_customer_id' - 'stripe_subscription_id')::text from users u where id = :id")
    String exportUser(@Bind("id") UUID id);

    @SqlQuery("select coalesce(jsonb_agg(to_jsonb(a) order by a.created_at), '[]'::jsonb)::text from aides a")
    String exportAides();

    @SqlQuery("select coalesce(jsonb_agg(to_jsonb(e) order by e.aide_id, e.seq), '[]'::jsonb)::text from aide_events e")
    String exportEvents();

    @SqlQuery("select coalesce(jsonb_agg(to_jsonb(c) order by c.id), '[]'::jsonb)::text from conversations c")
    String exportConversations();

    @SqlQuery("select coalesce(jsonb_agg(to_jsonb(t) order by t.started_at), '[]'::jsonb)::text from turns t")
    String exportTurns();

    @SqlQuery("""
            select coalesce(jsonb_agg(to_jsonb(v) order by v.aide_id, v.version), '[]'::jsonb)::text
              from published_versions v
            """)
    String exportPublishedVersions();
}
