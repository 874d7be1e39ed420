-- Anonymous usage (03-index.md). Nothing here names a person, a device or an
-- address: counters per scope and month, interaction rollups per hour, and the
-- random ids of batches already counted (so a resent batch counts once).

CREATE TABLE usage_batches (
  id          text PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now()
);
-- Ids arrive in time order: a BRIN index finds the old ones for the hourly sweep at almost no cost per insert
-- (a b-tree here doubled the work of every batch).
CREATE INDEX usage_batches_by_time ON usage_batches USING brin (received_at);

-- actives(scope, month); of them, returning_actives were active the month before too
-- and first_actives never before (RETURNING is a reserved word, hence the names).
CREATE TABLE usage_activity (
  scope             text NOT NULL,
  month             char(7) NOT NULL,
  actives           bigint NOT NULL DEFAULT 0,
  returning_actives bigint NOT NULL DEFAULT 0,
  first_actives     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, month)
);

-- Interactions per hour (China time, truncated), city, service and action, with latency buckets
-- (≤100 ms, ≤300, ≤1000, ≤3000, ≤10000, more) and no user key at all.
CREATE TABLE usage_interactions (
  hour     timestamptz NOT NULL,
  city     char(6) NOT NULL,
  service  text NOT NULL,
  action   text NOT NULL,
  n        bigint NOT NULL DEFAULT 0,
  ms_sum   bigint NOT NULL DEFAULT 0,
  le_100   bigint NOT NULL DEFAULT 0,
  le_300   bigint NOT NULL DEFAULT 0,
  le_1000  bigint NOT NULL DEFAULT 0,
  le_3000  bigint NOT NULL DEFAULT 0,
  le_10000 bigint NOT NULL DEFAULT 0,
  over     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, city, service, action)
);
