-- A booking the platform asked a hospital for, written before the request
-- (issue 16, finding 4): a crash between the hospital's answer and the
-- appointments row would otherwise leave a number held at the hospital that
-- the platform does not know, with no payment and no 办事记录 line. The
-- booking sweep finds attempts that have no appointment after a grace period
-- and repeats them with the same idempotency key (the hospital answers the
-- number it already booked), then collects the fee or gives the number back.
CREATE TABLE booking_attempts (
  citizen_id  uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  idem_key    text NOT NULL,
  service_id  text NOT NULL REFERENCES services (id),
  slot_id     text NOT NULL,
  patient_id  uuid NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (citizen_id, idem_key)
);
CREATE INDEX booking_attempts_by_age ON booking_attempts (created_at);
