-- A page's snapshot and its events are stored as the JSON text the server wrote (json), not
-- re-encoded (jsonb): jsonb reorders an object's keys, so a table whose columns come from its
-- rows' props in first-seen order showed them in another order once the page was read back
-- (after a restart, on another instance, after an undo replayed the log). Nothing queries inside
-- these columns; json only checks the text is JSON, which also costs less on every edit.
-- Rows written before this keep jsonb's order: that order is lost.
alter table aides alter column state type json using state::json;
alter table aide_events alter column event type json using event::json;
alter table aide_checkpoints alter column state type json using state::json;
