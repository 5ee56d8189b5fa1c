-- Snapshots along an aide's event log (kernel History checkpoints): opening an aide, undoing and
-- seeing any point of its history replay only the entries since the nearest one. A cache like
-- aides.state: the replay of aide_events up to seq gives the same state and bookkeeping, so a
-- checkpoint can be dropped at any time without losing anything.
create table aide_checkpoints (
    aide_id      uuid not null,
    seq          bigint not null check (seq > 0),
    user_id      uuid not null,
    state        jsonb not null,
    bookkeeping  jsonb not null,
    created_at   timestamptz not null default now(),
    primary key (aide_id, seq),
    -- A checkpoint belongs to its aide's owner (as every child row of an aide, V010).
    constraint aide_checkpoints_aide_owner foreign key (aide_id, user_id) references aides (id, user_id) on delete cascade
);

alter table aide_checkpoints enable row level security;
alter table aide_checkpoints force row level security;
create policy aide_checkpoints_own on aide_checkpoints to aide_app
    using (user_id = app_user_id()) with check (user_id = app_user_id());
create policy aide_checkpoints_system on aide_checkpoints to aide_system using (true) with check (true);
grant select, insert on aide_checkpoints to aide_app;
grant select, insert, delete on aide_checkpoints to aide_system;

-- Redo and replay read one batch's events.
create index aide_events_batch on aide_events (aide_id, batch);
