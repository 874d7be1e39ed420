-- Citizens, their sessions, real-name identity, vehicles, payments and
-- records (issue 4). PII (name, ID number, plate, engine number) lives only
-- in *_sealed columns (AES-256-GCM, server/crypto/secret-box.ts); lookups go
-- through *_key columns, keyed HMACs that reveal nothing without the data key.
CREATE TABLE citizens (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- HMAC of the WeChat openid: finds the citizen again without storing the openid
  wechat_key       text NOT NULL UNIQUE,
  identity_sealed  text,
  verified_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((identity_sealed IS NULL) = (verified_at IS NULL))
);

-- Only a SHA-256 of each session token is kept (tokens carry 256 random bits).
CREATE TABLE citizen_sessions (
  token_hash  text PRIMARY KEY,
  citizen_id  uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX citizen_sessions_by_citizen ON citizen_sessions (citizen_id);

CREATE TABLE vehicles (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id  uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  plate_type  text NOT NULL,
  -- { plate, engineTail }
  sealed      text NOT NULL,
  -- HMAC of plate type and plate: one binding per citizen and vehicle
  plate_key   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (citizen_id, plate_key)
);

-- Payments through the payment agency (payment@1). At most one payment that
-- is not closed per service and subject (e.g. one violation): a double tap,
-- 20 concurrent attempts or two family members paying the same fine all get
-- the same order, so nothing is ever charged twice.
CREATE TABLE payments (
  order_id        text PRIMARY KEY,
  citizen_id      uuid NOT NULL REFERENCES citizens (id),
  service_id      text NOT NULL REFERENCES services (id),
  -- what is paid for, e.g. violation:1234567890123456 (never PII)
  subject         text NOT NULL,
  description     text NOT NULL,
  amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
  status          text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'paid', 'done', 'closed')),
  pay_agency_id   text NOT NULL REFERENCES agencies (id),
  -- the payment agency's prepay answer (payParams for Taro.requestPayment)
  prepay          jsonb,
  -- from the payment agency's prepay answer
  expires_at      timestamptz,
  transaction_id  text,
  paid_at         timestamptz,
  receipt_no      text,
  done_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX payments_one_open_per_subject ON payments (service_id, subject) WHERE status <> 'closed';
CREATE INDEX payments_by_citizen ON payments (citizen_id, created_at DESC);

-- 办事记录: one row per thing a citizen did through any service.
CREATE TABLE citizen_records (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id    uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  service_id    text NOT NULL REFERENCES services (id),
  what          text NOT NULL,
  status        text NOT NULL CHECK (status IN ('pending', 'paid', 'done', 'failed', 'cancelled')),
  amount_fen    bigint,
  -- the payment order or booking it follows; one record per ref
  ref           text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (citizen_id, ref)
);
CREATE INDEX citizen_records_by_citizen ON citizen_records (citizen_id, created_at DESC);
