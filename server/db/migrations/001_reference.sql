-- Reference data: cities (GB/T 2260) with precomputed pinyin and a centre point.
CREATE TABLE cities (
  code          text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name          text NOT NULL,
  full_name     text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  province_name text NOT NULL,
  pinyin        text NOT NULL,
  initials      text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('municipality', 'prefecture', 'county')),
  lat           double precision NOT NULL,
  lng           double precision NOT NULL
);

-- One row per one-time seed (e.g. the demo catalog), so a second start keeps what operators changed.
CREATE TABLE seeds (
  name       text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
