-- The answers to an aide's latest direct edits that carried a client batch id (newest last,
-- bounded by the app), so a batch retried after its answer was lost is answered again, not
-- applied twice. Written by the edit's own statement; the aides row's RLS covers it.
alter table aides add column edit_answers jsonb not null default '[]'::jsonb;
grant update (edit_answers) on aides to aide_app;
