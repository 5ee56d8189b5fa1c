-- Every published version of an aide, kept at its own URL ({slug}/v/{n}/index.html).
create table published_versions (
    aide_id     uuid not null references aides (id) on delete cascade,
    version     integer not null check (version > 0),
    user_id     uuid not null references users (id) on delete cascade,
    slug        text not null,
    object_key  text not null,
    size_bytes  integer not null check (size_bytes >= 0),
    notes       text not null default '',
    created_at  timestamptz not null default now(),
    primary key (aide_id, version)
);
create index published_versions_slug on published_versions (slug);

alter table published_versions enable row level security;
alter table published_versions force row level security;
create policy published_versions_own on published_versions to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy published_versions_system on published_versions to aide_system using (true) with check (true);
grant select, insert, delete on published_versions to aide_app;
grant select, insert, delete on published_versions to aide_system;
