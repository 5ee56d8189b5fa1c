-- An aide: its snapshot (a cache of the replay of aide_events) and its publishing state.
create table aides (
    id                 uuid primary key default gen_random_uuid(),
    user_id            uuid not null references users (id) on delete cascade,
    title              text,
    state              jsonb not null,
    log_seq            bigint not null default 0,
    status             text not null default 'active' check (status in ('active', 'archived')),
    slug               text unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])?$'),
    published_version  integer,
    published_at       timestamptz,
    auto_publish       boolean not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index aides_user_id on aides (user_id, updated_at desc);

-- The append-only event log (kernel.md). user_id repeats the owner so RLS needs no join.
create table aide_events (
    aide_id  uuid not null references aides (id) on delete cascade,
    seq      bigint not null check (seq > 0),
    user_id  uuid not null references users (id) on delete cascade,
    batch    text not null,
    actor    text not null,
    source   text not null check (source in ('ai', 'edit', 'undo', 'import')),
    ts       timestamptz not null,
    event    jsonb not null,
    primary key (aide_id, seq)
);

-- One row per message of an aide's conversation: the user's words and the voice lines.
create table conversations (
    id          bigint generated always as identity primary key,
    aide_id     uuid not null references aides (id) on delete cascade,
    user_id     uuid not null references users (id) on delete cascade,
    turn_id     uuid,
    role        text not null check (role in ('user', 'voice', 'notice')),
    text        text not null check (length(text) <= 10000),
    created_at  timestamptz not null default now()
);
create index conversations_aide on conversations (aide_id, id);

-- One row per AI turn: what it cost and how it went. Never the prompt or the snapshot.
create table turns (
    id                  uuid primary key default gen_random_uuid(),
    aide_id             uuid not null references aides (id) on delete cascade,
    user_id             uuid not null references users (id) on delete cascade,
    status              text not null default 'running' check (status in ('running', 'done', 'error', 'interrupted')),
    tier                text check (tier in ('fast', 'deep')),
    model               text,
    prompt_version      text,
    input_tokens        integer not null default 0,
    output_tokens       integer not null default 0,
    cache_read_tokens   integer not null default 0,
    cache_write_tokens  integer not null default 0,
    first_change_ms     integer,
    total_ms            integer,
    applied             integer not null default 0,
    rejected            integer not null default 0,
    cost_usd            numeric(12, 6) not null default 0,
    error               text,
    started_at          timestamptz not null default now(),
    ended_at            timestamptz
);
create index turns_user_started on turns (user_id, started_at);
-- One turn at a time per aide, held by the database rather than by memory.
create unique index turns_one_running_per_aide on turns (aide_id) where status = 'running';

alter table aides enable row level security;
alter table aides force row level security;
create policy aides_own on aides to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy aides_system on aides to aide_system using (true) with check (true);
grant select, insert, update, delete on aides to aide_app, aide_system;

alter table aide_events enable row level security;
alter table aide_events force row level security;
create policy aide_events_own on aide_events to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy aide_events_system on aide_events to aide_system using (true) with check (true);
-- Append-only for users: no update; delete only through the cascade of deleting the aide.
grant select, insert on aide_events to aide_app;
grant select, insert, delete on aide_events to aide_system;

alter table conversations enable row level security;
alter table conversations force row level security;
create policy conversations_own on conversations to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy conversations_system on conversations to aide_system using (true) with check (true);
grant select, insert, delete on conversations to aide_app;
grant select, insert, delete on conversations to aide_system;

alter table turns enable row level security;
alter table turns force row level security;
create policy turns_own on turns to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy turns_system on turns to aide_system using (true) with check (true);
grant select, insert, update on turns to aide_app;
grant select, insert, update, delete on turns to aide_system;
