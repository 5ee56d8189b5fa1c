create table users (
    id                      uuid primary key default gen_random_uuid(),
    email                   text not null unique check (email = lower(btrim(email)) and email like '%_@_%'),
    tier                    text not null default 'free' check (tier in ('free', 'pro')),
    stripe_customer_id      text unique,
    stripe_subscription_id  text,
    subscription_status     text,
    turn_count              integer not null default 0 check (turn_count >= 0),
    turn_week_start         timestamptz,
    is_admin                boolean not null default false,
    limited_until           timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);

-- Magic-link tokens, stored only as SHA-256 hashes (security.md). System path only.
create table magic_links (
    id          uuid primary key default gen_random_uuid(),
    email       text not null,
    token_hash  bytea not null unique check (octet_length(token_hash) = 32),
    ip          text,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used        boolean not null default false,
    used_at     timestamptz
);
create index magic_links_expires_at on magic_links (expires_at);

-- A session id carried in the signed cookie; revoking the row really signs the browser out.
create table sessions (
    id            uuid primary key default gen_random_uuid(),
    user_id       uuid not null references users (id) on delete cascade,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);
create index sessions_user_id on sessions (user_id);
create index sessions_expires_at on sessions (expires_at);

alter table users enable row level security;
alter table users force row level security;
create policy users_own on users to aide_app
    using (id = app_user_id()) with check (id = app_user_id());
create policy users_system on users to aide_system using (true) with check (true);
grant select, update, delete on users to aide_app;
grant select, insert, update, delete on users to aide_system;

alter table magic_links enable row level security;
alter table magic_links force row level security;
create policy magic_links_system on magic_links to aide_system using (true) with check (true);
grant select, insert, update, delete on magic_links to aide_system;

alter table sessions enable row level security;
alter table sessions force row level security;
create policy sessions_own on sessions to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy sessions_system on sessions to aide_system using (true) with check (true);
grant select, insert, update, delete on sessions to aide_app;
grant select, insert, update, delete on sessions to aide_system;
