-- 好差评 (issue 18): one rating per 办事记录 item once it is 办结, a
-- rectification ticket for every poor rating (1 or 2), the agency's appeals.
-- A rating belongs to the case, not to the person: it keeps no citizen id
-- (the record it rates does, and is never shown to the agency), and it stays
-- for the figures when the citizen's records go (record_id set to null).
CREATE TABLE ratings (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id     uuid UNIQUE REFERENCES citizen_records (id) ON DELETE SET NULL,
  service_id    text NOT NULL REFERENCES services (id),
  agency_id     text NOT NULL REFERENCES agencies (id),
  -- where the case was done: the service's city, or the city the app was in for a wider service; null if unknown
  city_code     text,
  -- what kind of business the case was (citizen_records.what: never PII)
  what          text NOT NULL,
  level         smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  tags          jsonb NOT NULL DEFAULT '[]',
  -- ≤ 200 characters, ID and phone numbers masked before it is stored
  comment       text,
  rated_at      timestamptz NOT NULL DEFAULT now(),
  follow_up_level   smallint CHECK (follow_up_level BETWEEN 1 AND 5),
  follow_up_comment text,
  follow_up_at      timestamptz,
  -- an operator voided it after the agency's appeal: out of every figure
  voided_at     timestamptz
);
CREATE INDEX ratings_by_service ON ratings (service_id, rated_at);

CREATE TABLE rating_tickets (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rating_id     bigint NOT NULL UNIQUE REFERENCES ratings (id),
  agency_id     text NOT NULL REFERENCES agencies (id),
  service_id    text NOT NULL REFERENCES services (id),
  callback_due  timestamptz NOT NULL,
  fix_due       timestamptz NOT NULL,
  callback_at   timestamptz,
  callback_text text,
  fix_at        timestamptz,
  fix_text      text,
  opened_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rating_tickets_by_agency ON rating_tickets (agency_id, opened_at DESC);

CREATE TABLE rating_appeals (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rating_id     bigint NOT NULL UNIQUE REFERENCES ratings (id),
  agency_id     text NOT NULL REFERENCES agencies (id),
  reason        text NOT NULL,
  filed_at      timestamptz NOT NULL DEFAULT now(),
  decision      text CHECK (decision IN ('upheld', 'voided')),
  decision_reason text,
  decided_at    timestamptz
);
