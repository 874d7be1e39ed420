-- Tokens expire (issue 16): every API token has an end. Tokens issued before
-- this migration get the default lifetimes from now (agencies 90 days,
-- operators and analysts 365), so no working integration stops at once.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
UPDATE api_tokens SET expires_at = now() + CASE role WHEN 'agency' THEN interval '90 days' ELSE interval '365 days' END;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;

-- Signing-secret rotation: after a rotation the previous secret (sealed like
-- the current one) keeps verifying until previous_signing_secret_until, so an
-- agency can deploy the new one without a gap. Outside that window it is ignored.
ALTER TABLE agencies ADD COLUMN previous_signing_secret text;
ALTER TABLE agencies ADD COLUMN previous_signing_secret_until timestamptz;
ALTER TABLE agencies ADD COLUMN signing_secret_rotated_at timestamptz;
