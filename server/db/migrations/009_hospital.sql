-- 预约挂号 (issue 5): a citizen's real-name patients (就诊人) and the
-- appointments booked for them through a hospital service. Patients' names
-- and ID numbers live only in `sealed` (AES-256-GCM); `id_key` is a keyed
-- HMAC of the ID number, so the same person is added once per citizen.
CREATE TABLE patients (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id  uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  -- { name, idNumber }
  sealed      text NOT NULL,
  id_key      text NOT NULL,
  relation    text NOT NULL CHECK (relation IN ('self', 'spouse', 'child', 'parent', 'other')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (citizen_id, id_key)
);
CREATE UNIQUE INDEX patients_one_self ON patients (citizen_id) WHERE relation = 'self';

-- The hospital is the source of truth for a number; this row remembers which
-- citizen and patient it is for, the key that makes a retried booking the same
-- booking, the fee's payment, and the appointment as the hospital answered it
-- (no PII: its patient is masked).
CREATE TABLE appointments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id      uuid NOT NULL REFERENCES citizens (id),
  service_id      text NOT NULL REFERENCES services (id),
  -- null once the citizen removes a family patient (only without upcoming bookings)
  patient_id      uuid REFERENCES patients (id) ON DELETE SET NULL,
  idem_key        text NOT NULL,
  appointment_no  text NOT NULL,
  details         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
  cancel_reason   text CHECK (cancel_reason IN ('citizen', 'unpaid')),
  order_id        text REFERENCES payments (order_id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  cancelled_at    timestamptz,
  UNIQUE (citizen_id, idem_key),
  UNIQUE (service_id, appointment_no)
);
CREATE INDEX appointments_by_citizen ON appointments (citizen_id, created_at DESC);
CREATE INDEX appointments_by_patient ON appointments (patient_id) WHERE status = 'booked';

-- A refunded payment (a cancelled booking's fee): refunded in full, once.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('created', 'paid', 'done', 'closed', 'refunded'));
ALTER TABLE payments ADD COLUMN refund_id text;
ALTER TABLE payments ADD COLUMN refunded_at timestamptz;
