-- Unpublishing keeps an aide's versions (the owner still opens them; visitors no longer can).
-- live_from_version is the first version of the aide's current time on its public address:
-- versions before it were taken down by an unpublish and are the owner's only.
alter table aides add column live_from_version integer;
grant update (live_from_version) on aides to aide_app;
