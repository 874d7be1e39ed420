-- What analysts upload for the index (03-index.md): expert score tables (the weights) and other rankings
-- to compare with (leapfrog cities). The parsed content is kept beside the file as uploaded.
CREATE TABLE stats_uploads (
  id          serial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('weights', 'ranking')),
  name        text NOT NULL,
  csv         text NOT NULL,
  -- weights: { scores, weights }; ranking: { rows: [{ code, name, rank, value }], unknown: [names] }
  parsed      jsonb NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
