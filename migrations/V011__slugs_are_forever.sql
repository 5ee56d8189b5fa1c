-- Slugs and version numbers are forever (docs/security.md, docs/publishing.md).
--
-- A published address may sit in caches, feeds and messages for years, and /{slug}/v/{n}/ is
-- served as immutable for a year. So:
--   - a slug, once claimed, belongs to that user for good: the claim outlives the aide and the
--     account (no foreign key to either; after the account is gone nobody can use it);
--   - the highest version number ever recorded under a slug is kept with the claim, and a new
--     version must be above it, even after versions, the aide or the whole history are deleted.
create table slugs (
    slug          text primary key check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])?$'),
    user_id       uuid not null,
    last_version  integer not null default 0 check (last_version >= 0),
    created_at    timestamptz not null default now(),
    unique (slug, user_id)
);

insert into slugs (slug, user_id, last_version)
select a.slug, a.user_id, coalesce((select max(v.version) from published_versions v where v.slug = a.slug), 0)
  from aides a
 where a.slug is not null;

-- An aide holds only a slug its owner claimed.
alter table aides add constraint aides_slug_claimed foreign key (slug, user_id) references slugs (slug, user_id);

-- The number only grows, whoever writes it.
create function slugs_last_version_only_grows() returns trigger
    language plpgsql
    as $$
begin
    if new.slug <> old.slug or new.user_id <> old.user_id or new.last_version < old.last_version then
        raise exception 'slug % keeps its owner and its version numbers only grow', old.slug
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger slugs_last_version_only_grows before update on slugs
    for each row execute function slugs_last_version_only_grows();

-- Recording a version takes its number from the slug's claim: above every number used before,
-- and only under a slug the recording user owns. A number already used is a unique violation
-- (two publishes raced, or a number came back after its version was deleted).
create function published_versions_take_number() returns trigger
    language plpgsql
    as $$
begin
    update slugs set last_version = new.version
     where slug = new.slug and user_id = new.user_id and last_version < new.version;
    if not found then
        raise exception 'version % under % was used before, or the slug is not this user''s', new.version, new.slug
            using errcode = 'unique_violation';
    end if;
    return new;
end
$$;
create trigger published_versions_take_number before insert on published_versions
    for each row execute function published_versions_take_number();

alter table slugs enable row level security;
alter table slugs force row level security;
create policy slugs_own on slugs to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy slugs_system on slugs to aide_system using (true) with check (true);
-- No delete for anyone: that is the point.
grant select, insert on slugs to aide_app;
grant update (last_version) on slugs to aide_app;
grant select on slugs to aide_system;
