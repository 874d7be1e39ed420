-- Quality reviews (02-services.md): queued on submission, on a schedule and by
-- operators; a worker in any server process claims one with SKIP LOCKED.
CREATE TABLE service_reviews (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id    text NOT NULL REFERENCES services (id),
  -- the submission whose manifest is reviewed (a scheduled review: the listed one)
  submission_id bigint NOT NULL REFERENCES service_submissions (id),
  trigger       text NOT NULL CHECK (trigger IN ('submit', 'schedule', 'manual')),
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'error')),
  queued_at     timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  stars         smallint CHECK (stars BETWEEN 1 AND 5),
  passed        boolean,
  -- [{ id, outcome: pass|fail|not-applicable, evidence: [text] }] in report order
  checks        jsonb
);
CREATE INDEX service_reviews_by_service ON service_reviews (service_id, id DESC);
CREATE INDEX service_reviews_queued ON service_reviews (id) WHERE status = 'queued';

-- Availability probes behind the uptime check (failure rate over 30 days).
CREATE TABLE service_probes (
  service_id text NOT NULL REFERENCES services (id),
  at         timestamptz NOT NULL DEFAULT now(),
  ok         boolean NOT NULL,
  ms         integer NOT NULL,
  note       text NOT NULL
);
CREATE INDEX service_probes_by_service ON service_probes (service_id, at);

-- The load check's latest run per agency server (origin), so one server hosting
-- many services is load-tested once a day, not once per service.
CREATE TABLE load_runs (
  origin      text PRIMARY KEY,
  measured_at timestamptz NOT NULL,
  result      jsonb NOT NULL
);

-- A listed service whose latest reviews keep failing is flagged for operators.
ALTER TABLE services ADD COLUMN flagged boolean NOT NULL DEFAULT false;
