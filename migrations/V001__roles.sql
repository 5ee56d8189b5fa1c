-- The two roles every transaction switches to (security.md). Neither owns a table nor has
-- BYPASSRLS, so row-level security holds even when the login role is the owner (Neon).
--   aide_app:    user work; sees the rows of app.user_id only.
--   aide_system: the named system path (sign-in, webhooks, jobs, published-slug lookups).
-- Roles are cluster-wide: create them once, then let the migrating role switch to them.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'aide_app') then
        create role aide_app nologin nosuperuser nobypassrls noinherit;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'aide_system') then
        create role aide_system nologin nosuperuser nobypassrls noinherit;
    end if;
end
$$;

-- The login role needs membership to SET ROLE, but without INHERIT: a policy written for a
-- role also applies to every role that inherits from it, and the owner must see no rows until
-- a transaction switches role. A separate runtime login role gets the same grant by hand
-- (docs/deploy.md). Needs PostgreSQL 16 or later.
grant aide_app to current_user with inherit false, set true;
grant aide_system to current_user with inherit false, set true;

-- The current user id of a user transaction, or NULL when none is set: fail closed.
-- After a transaction that set it locally the setting reads back as '' on that pooled
-- connection, hence NULLIF (stack.md).
create function app_user_id() returns uuid
    language sql stable
    as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

grant usage on schema public to aide_app, aide_system;
grant execute on function app_user_id() to aide_app, aide_system;
