-- Console sessions (issue 16 finding 14): the console's cookie holds a random
-- session id, never the API token. Only the id's SHA-256 is stored; the token
-- the console calls the API with is sealed with a key derived from the id, so
-- the table alone opens nothing. A session ends when idle too long, at its
-- absolute end, on logout, or when its token is revoked or deleted.
CREATE TABLE console_sessions (
  id_hash text PRIMARY KEY,
  token_id text NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
  token_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_by_expiry ON console_sessions (expires_at);
