-- Failure rate (03-index.md): the scheduled probes, announced maintenance
-- windows and the platform's own failed calls to agencies (shown beside the
-- failure rate). A review's own probe stays in service_probes (007).

-- The fixed schedule's probes, run-length encoded: one row per run of probes
-- with the same outcome and no gap longer than 3 probe intervals (a row a
-- month for a service that never fails, instead of 8,640 at a 300 s interval).
-- The failure rate needs nothing more: a failed run of n >= N probes is down
-- from its first probe to the next run. Times are when the probes were sent.
CREATE TABLE probe_runs (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id text NOT NULL REFERENCES services (id),
  ok         boolean NOT NULL,
  first_at   timestamptz NOT NULL,
  last_at    timestamptz NOT NULL,
  n          integer NOT NULL CHECK (n >= 1),
  -- the first probe's evidence (why it failed), e.g. "could not connect (ECONNREFUSED)"
  note       text NOT NULL,
  CHECK (last_at >= first_at)
);
CREATE INDEX probe_runs_by_service ON probe_runs (service_id, last_at);

-- Maintenance announced by the service's agency or by an operator: left out of
-- both down and monitored time. Who announced it is an agency id or an
-- operator's token id, never a person.
CREATE TABLE maintenance_windows (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id   text NOT NULL REFERENCES services (id),
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  note         text NOT NULL,
  announced_by text NOT NULL CHECK (announced_by ~ '^(agency|operator):[a-z0-9-]+$'),
  announced_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX maintenance_windows_by_service ON maintenance_windows (service_id, starts_at);

-- Failed platform→agency calls for citizens per service, hour and kind
-- (timeout, unreachable, server-error, invalid): an additive counter, so any
-- number of server processes count into it without coordinating.
CREATE TABLE gateway_errors (
  service_id text NOT NULL REFERENCES services (id),
  hour       timestamptz NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('timeout', 'unreachable', 'server-error', 'invalid')),
  n          bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (service_id, hour, kind)
);
