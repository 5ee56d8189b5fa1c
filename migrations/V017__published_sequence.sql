-- Which point of the event log each published version shows (its log_seq), and which point the
-- live page shows (aides.published_seq). With them a restore of a published version brings the
-- draft back to that point, the editor can say whether the live page is up to date, and an
-- automatic publish never puts an older point back over a newer one. Rows published before
-- this migration have no point: null.
alter table published_versions add column log_seq bigint check (log_seq >= 0);
alter table aides add column published_seq bigint check (published_seq >= 0);
grant update (published_seq) on aides to aide_app;
