-- The secret an agency's endpoint checks the platform's request signatures with
-- (HMAC, 02-services.md), sealed with the data key (AES-256-GCM), never stored in clear.
ALTER TABLE agencies ADD COLUMN signing_secret text;
