-- Every direct edit updates its aide's row and appends its events; this makes both cheaper
-- (docs/performance.md, fourteenth session).
--
-- The dashboard's index left out updated_at: an edit sets updated_at, and an update that
-- changes an indexed column cannot be a heap-only (HOT) update, so each edit added an entry to
-- every index on aides (four of them). Without it an edit's update touches no index when the
-- row's page has room; a fill factor leaves that room. The dashboard lists one user's aides
-- and sorts those few by updated_at itself.
drop index aides_user_id;
create index aides_user_id on aides (user_id);
alter table aides set (fillfactor = 70);

-- An event's owner is checked once, by aide_events_aide_owner (V010): its (aide_id, user_id)
-- must be an aide's (id, user_id), so its user_id is the aide's owner, a user; deleting the user
-- deletes the aide and so its events. The key from user_id to users checked the same again, a
-- second lookup for every event row written.
alter table aide_events drop constraint aide_events_user_id_fkey;
