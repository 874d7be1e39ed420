-- What agencies submit. The services row holds the public listing; a
-- submission waits for review and an operator's decision, so a listed service
-- stays visible while a changed manifest is reviewed.
CREATE TABLE service_submissions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id   text NOT NULL REFERENCES services (id),
  agency_id    text NOT NULL REFERENCES agencies (id),
  manifest     jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'in-review' CHECK (status IN ('in-review', 'listed', 'rejected', 'superseded')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  -- an operator's decision: when, and for a rejection why
  decided_at   timestamptz,
  reasons      jsonb
);

CREATE INDEX service_submissions_by_service ON service_submissions (service_id, id DESC);

-- Every onboarding action and decision: who, what, on which subject, with what.
CREATE TABLE audit_log (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  subject text NOT NULL,
  detail  jsonb NOT NULL DEFAULT '{}'
);
