-- When each background job last ran, across every server process on this database
-- (server/jobs/run-every.ts): a process runs a job only when its interval has passed since the
-- last run anywhere, so several processes run it once per interval, not once each.
CREATE TABLE job_runs (
  name text PRIMARY KEY,
  started_at timestamptz NOT NULL
);
