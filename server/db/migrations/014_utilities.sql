-- 生活缴费 (utilities@1): household accounts (户号) a citizen bound at a
-- utilities service. The 户号 lives only in `sealed` (AES-256-GCM);
-- `account_key` is a keyed HMAC of service, company and 户号, so an account is
-- bound once per citizen. Holder name and address are kept as the company
-- answered them: already masked.
CREATE TABLE utility_accounts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id    uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  service_id    text NOT NULL REFERENCES services (id),
  provider_id   text NOT NULL,
  provider_kind text NOT NULL CHECK (provider_kind IN ('water', 'electricity', 'gas')),
  provider_name text NOT NULL,
  -- { accountNo }
  sealed        text NOT NULL,
  account_key   text NOT NULL,
  holder_masked text NOT NULL,
  address_masked text NOT NULL,
  prepaid       boolean NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (citizen_id, account_key)
);
CREATE INDEX utility_accounts_by_citizen ON utility_accounts (citizen_id, created_at);

-- What a utilities payment's subject stands for (bills:<account>:<hash of
-- bill ids>, topup:<account>:<request id>): written before the payment is
-- opened, read when it is fulfilled at the company. It keeps its own sealed
-- 户号, so a payment made just before an unbind is still fulfilled.
CREATE TABLE utility_payment_subjects (
  subject     text PRIMARY KEY,
  account_id  uuid NOT NULL,
  provider_id text NOT NULL,
  -- { accountNo }
  sealed      text NOT NULL,
  bill_ids    text[] NOT NULL DEFAULT '{}',
  months      text[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);
