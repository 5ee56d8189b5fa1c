-- Photos uploaded to an aide. Their stored sizes live in the private workspace bucket under
-- users/{user_id}/aides/{aide_id}/images/{id}/; publishing copies the sizes a page uses into
-- the public bucket. user_id repeats the owner so RLS needs no join.
create table images (
    id          uuid primary key default gen_random_uuid(),
    aide_id     uuid not null,
    user_id     uuid not null references users (id) on delete cascade,
    width       integer not null check (width > 0),
    height      integer not null check (height > 0),
    -- Every stored size together: what counts toward the plan's storage.
    bytes       bigint not null check (bytes > 0),
    -- [{"width", "height", "extension", "contentType", "sha256", "bytes"}], smallest first.
    variants    jsonb not null check (jsonb_typeof(variants) = 'array'),
    created_at  timestamptz not null default now(),
    -- The aide's owner, not merely an aide: a foreign key bypasses RLS, so it must carry the owner too.
    foreign key (aide_id, user_id) references aides (id, user_id) on delete cascade
);
create index images_aide on images (aide_id);
create index images_user on images (user_id);

alter table images enable row level security;
alter table images force row level security;
create policy images_own on images to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy images_system on images to aide_system using (true) with check (true);
grant select, insert, delete on images to aide_app;
grant select, delete on images to aide_system;
