-- One identity per account (issue 16): a verified identity is found by a
-- keyed HMAC of its ID number (identity_key; the number itself stays
-- sealed), and at most one citizen holds it. A face check (人脸核身) at the
-- identity agency moves it to another account or steps up a sensitive action.
ALTER TABLE citizens ADD COLUMN identity_key text;
-- When the citizen last passed a face check (step-up for withdrawals and full account numbers).
ALTER TABLE citizens ADD COLUMN face_checked_at timestamptz;
CREATE UNIQUE INDEX citizens_one_account_per_identity ON citizens (identity_key) WHERE identity_key IS NOT NULL;

-- Face checks the platform started at the identity agency. The check id is
-- the agency's, one-time and bound to the identity it was started for; the
-- result is only ever read from the agency, never taken from the client.
CREATE TABLE face_checks (
  check_id      text PRIMARY KEY,
  citizen_id    uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  agency_id     text NOT NULL REFERENCES agencies (id),
  purpose       text NOT NULL CHECK (purpose IN ('move', 'step-up')),
  identity_key  text NOT NULL,
  -- { name, idNumber } the check was started for
  sealed        text NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'passed', 'failed', 'expired')),
  expires_at    timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  settled_at    timestamptz
);
CREATE INDEX face_checks_by_citizen ON face_checks (citizen_id, created_at DESC);

-- Failed identity checks (a name that does not match, a failed face check),
-- counted per account and per ID number over the last hour to stop guessing.
CREATE TABLE identity_check_failures (
  id            bigserial PRIMARY KEY,
  citizen_id    uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  identity_key  text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_check_failures_by_citizen ON identity_check_failures (citizen_id, at);
CREATE INDEX identity_check_failures_by_identity ON identity_check_failures (identity_key, at);

-- Notices to a citizen (e.g. "your identity moved to another WeChat account"), shown in 我的 / 实名认证.
CREATE TABLE citizen_notices (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id  uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  text        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizen_notices_by_citizen ON citizen_notices (citizen_id, created_at DESC);
