-- Fair review scheduling (issue 16, finding 5): each review names its agency, so
-- the queue takes turns between agencies and counts each one's waiting submissions.
ALTER TABLE service_reviews ADD COLUMN agency_id text REFERENCES agencies (id);
UPDATE service_reviews r SET agency_id = sub.agency_id FROM service_submissions sub WHERE sub.id = r.submission_id;
ALTER TABLE service_reviews ALTER COLUMN agency_id SET NOT NULL;
CREATE INDEX service_reviews_by_agency ON service_reviews (agency_id, started_at);

-- The platform's own identity and payment agencies (02-services.md): designated
-- by an operator (audit_log has who and when), never whichever listed service sorts first.
CREATE TABLE platform_agencies (
  contract      text PRIMARY KEY CHECK (contract IN ('identity@1', 'payment@1')),
  service_id    text NOT NULL REFERENCES services (id),
  designated_by text NOT NULL,
  designated_at timestamptz NOT NULL DEFAULT now()
);
