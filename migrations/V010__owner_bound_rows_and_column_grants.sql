-- The database refuses what the app would never write (security.md).
--
-- 1. A row that belongs to an aide belongs to the aide's owner. Row-level security checks a
--    row's user_id, but a foreign key is checked without it, so a user could add rows under
--    their own user_id that point at another user's aide (taking its next event number, or
--    holding its one running turn). Each child table now refers to the pair (aide, owner).
--
-- 2. The user path may update only the columns the app updates. Table-wide UPDATE let a user
--    set users.is_admin or users.tier on their own row.
--
-- A new column that the app updates on the user path needs its own grant here (a later
-- migration); without one the update is refused with "permission denied".

-- Rows the app never wrote (a child row whose owner is not its aide's owner) cannot satisfy
-- the new keys: remove them first. On data the app wrote this deletes nothing.
delete from aide_events e using aides a where a.id = e.aide_id and a.user_id <> e.user_id;
delete from conversations c using aides a where a.id = c.aide_id and a.user_id <> c.user_id;
delete from turns t using aides a where a.id = t.aide_id and a.user_id <> t.user_id;
delete from published_versions v using aides a where a.id = v.aide_id and a.user_id <> v.user_id;
update conversations c set turn_id = null
 where turn_id is not null
   and not exists (select 1 from turns t where t.id = c.turn_id and t.aide_id = c.aide_id and t.user_id = c.user_id);

alter table aides add constraint aides_id_owner unique (id, user_id);
alter table turns add constraint turns_id_aide_owner unique (id, aide_id, user_id);

alter table aide_events drop constraint aide_events_aide_id_fkey,
    add constraint aide_events_aide_owner foreign key (aide_id, user_id) references aides (id, user_id) on delete cascade;
alter table conversations drop constraint conversations_aide_id_fkey,
    add constraint conversations_aide_owner foreign key (aide_id, user_id) references aides (id, user_id) on delete cascade,
    -- A line names a turn of the same aide and owner; it outlives the turn (its words are the user's).
    add constraint conversations_turn_owner foreign key (turn_id, aide_id, user_id)
        references turns (id, aide_id, user_id) on delete set null (turn_id);
alter table turns drop constraint turns_aide_id_fkey,
    add constraint turns_aide_owner foreign key (aide_id, user_id) references aides (id, user_id) on delete cascade;
alter table published_versions drop constraint published_versions_aide_id_fkey,
    add constraint published_versions_aide_owner foreign key (aide_id, user_id) references aides (id, user_id) on delete cascade;

-- Column grants. Referential actions (on delete cascade / set null) run as the table owner,
-- so they need no grant here.

-- users: the weekly turn count is the only thing a user's own transaction writes; tier,
-- Stripe ids and status come from webhooks, limited_until from the abuse check, is_admin only
-- from an operator's own SQL (docs/operations.md), never from either role.
revoke update on users from aide_app, aide_system;
grant update (turn_count, turn_week_start) on users to aide_app;
grant update (tier, stripe_customer_id, stripe_subscription_id, subscription_status, limited_until, updated_at)
    on users to aide_system;

-- aides: never its id, owner or creation time.
revoke update on aides from aide_app;
grant update (title, state, log_seq, status, slug, published_version, published_at, auto_publish, updated_at)
    on aides to aide_app;

-- turns: the outcome of a turn, never whose or which aide's it is, nor when it started.
revoke update on turns from aide_app;
grant update (status, tier, model, prompt_version, input_tokens, output_tokens, cache_read_tokens,
              cache_write_tokens, first_change_ms, total_ms, applied, rejected, cost_usd, error, ended_at)
    on turns to aide_app;

-- sessions: renewal and revocation only; old sessions are removed by the cleanup job.
revoke update, delete on sessions from aide_app;
grant update (last_seen_at, expires_at, revoked_at) on sessions to aide_app;

-- conversations are deleted only with their aide (a cascade), never one by one.
revoke delete on conversations from aide_app;

-- A revoked session stays revoked: nothing may bring it back to life.
create function sessions_stay_revoked() returns trigger
    language plpgsql
    as $$ begin raise exception 'session % is revoked', old.id using errcode = 'check_violation'; end $$;
create trigger sessions_stay_revoked before update on sessions
    for each row when (old.revoked_at is not null) execute function sessions_stay_revoked();
