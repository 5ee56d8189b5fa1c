-- Scheduled jobs claim a lease instead of holding an advisory lock inside a transaction for as
-- long as they run (ops.Scheduler). A lease is a row state, so a job's S3 listing or Slack call
-- no longer keeps a connection idle in transaction, and the claim works through a
-- transaction-mode pooler, where a session lock would not. A lease that is never released (the
-- instance died) expires by itself.
alter table scheduled_runs add column lease_holder uuid;
alter table scheduled_runs add column lease_until timestamptz;
