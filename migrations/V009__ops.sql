-- The last slot each scheduled job ran for (ops.Scheduler). Several instances share it, so a
-- job runs once per interval however many instances tick; the advisory lock keeps two from
-- running it at the same moment. System path only: it holds no user data.
create table scheduled_runs (
    job          text primary key,
    last_slot    bigint not null,
    last_run_at  timestamptz not null default now()
);

alter table scheduled_runs enable row level security;
alter table scheduled_runs force row level security;
create policy scheduled_runs_system on scheduled_runs to aide_system using (true) with check (true);
grant select, insert, update on scheduled_runs to aide_system;
