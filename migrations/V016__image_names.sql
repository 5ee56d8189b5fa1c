-- The photo's file name as it was uploaded ("kitchen-before.jpg"), without any folder: the AI
-- is shown it so that "put the kitchen photo under Before" finds the photo (it never sees the
-- pixels). Null for photos uploaded before this column, or sent without a name.
alter table images add column name text check (char_length(name) between 1 and 120);
