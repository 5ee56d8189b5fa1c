-- Stripe event ids, recorded in the same transaction as their effect (idempotent webhooks).
create table stripe_events (
    id           text primary key,
    type         text not null,
    received_at  timestamptz not null default now()
);

-- Fixed-window counters shared by every instance (sign-in limits, request limits).
create table rate_limits (
    key           text not null,
    window_start  timestamptz not null,
    count         integer not null default 0,
    primary key (key, window_start)
);
create index rate_limits_window on rate_limits (window_start);

-- Break-glass access by admins: append-only.
create table audit_log (
    id          bigint generated always as identity primary key,
    admin_id    uuid not null,
    aide_id     uuid,
    owner_id    uuid,
    action      text not null,
    reason      text not null check (length(reason) between 10 and 500),
    created_at  timestamptz not null default now()
);

create function audit_log_is_append_only() returns trigger
    language plpgsql
    as $$ begin raise exception 'audit_log is append-only'; end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_is_append_only();

-- The emails the app would have sent, for the dev outbox (no mailer configured).
create table outbox (
    id          bigint generated always as identity primary key,
    recipient   text not null,
    subject     text not null,
    body        text not null,
    link        text,
    created_at  timestamptz not null default now()
);

alter table stripe_events enable row level security;
alter table stripe_events force row level security;
create policy stripe_events_system on stripe_events to aide_system using (true) with check (true);
grant select, insert on stripe_events to aide_system;

alter table rate_limits enable row level security;
alter table rate_limits force row level security;
create policy rate_limits_system on rate_limits to aide_system using (true) with check (true);
grant select, insert, update, delete on rate_limits to aide_system;

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_system on audit_log to aide_system using (true) with check (true);
grant select, insert on audit_log to aide_system;

alter table outbox enable row level security;
alter table outbox force row level security;
create policy outbox_system on outbox to aide_system using (true) with check (true);
grant select, insert, delete on outbox to aide_system;
