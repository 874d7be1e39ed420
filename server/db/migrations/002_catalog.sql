-- Agencies list services; a listed service shows in every city its coverage reaches.
CREATE TABLE agencies (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name       text NOT NULL,
  -- a city code (6 digits), a province code (2 digits) or 'national'
  region     text NOT NULL CHECK (region ~ '^([0-9]{2}|[0-9]{6}|national)$'),
  domains    text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE services (
  id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  agency_id      text NOT NULL REFERENCES agencies (id),
  name           text NOT NULL,
  summary        text NOT NULL,
  icon           text NOT NULL,
  domain         text NOT NULL,
  type           text NOT NULL CHECK (type IN ('life', 'government', 'vehicle', 'travel')),
  coverage_level text NOT NULL CHECK (coverage_level IN ('city', 'province', 'national')),
  -- city code for 'city', province code for 'province', null for 'national'
  coverage_code  text,
  -- [{ id, name, kind: query|transaction, keyItem? }]
  items          jsonb NOT NULL,
  -- a typed contract (traffic@1 ...), 'webview' or 'miniprogram'
  contract       text NOT NULL,
  endpoint       text,
  status         text NOT NULL CHECK (status IN ('draft', 'in-review', 'listed', 'rejected', 'suspended')),
  stars          smallint CHECK (stars BETWEEN 1 AND 5),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((coverage_level = 'national') = (coverage_code IS NULL)),
  CHECK (coverage_level <> 'city' OR coverage_code ~ '^[0-9]{6}$'),
  CHECK (coverage_level <> 'province' OR coverage_code ~ '^[0-9]{2}$')
);

CREATE INDEX services_listed_by_coverage ON services (coverage_level, coverage_code) WHERE status = 'listed';
