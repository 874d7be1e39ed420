-- API tokens for agencies, operators and analysts. Only a SHA-256 of each
-- token is kept: the token itself is shown once, when it is created.
CREATE TABLE api_tokens (
  -- public part of the token, for listing and revoking
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9]{10}$'),
  token_hash text NOT NULL UNIQUE,
  role       text NOT NULL CHECK (role IN ('agency', 'operator', 'analyst')),
  agency_id  text REFERENCES agencies (id),
  label      text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);
