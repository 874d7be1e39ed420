-- A traffic violation exists once across the platform (its record number is
-- the police's), so it has at most one payment that is open or paid, in
-- whichever service (a city's and a second listing of its police) it was
-- started: the per-service index of 008 cannot see a race between two
-- services. Payments from before this rule that paid a violation a second
-- time are kept (the money moved) and name the first one in duplicate_of,
-- so an operator can refund them; nothing new ever sets it.
ALTER TABLE payments ADD COLUMN duplicate_of text REFERENCES payments (order_id);

UPDATE payments later
   SET duplicate_of = (
     SELECT earlier.order_id FROM payments earlier
      WHERE earlier.subject = later.subject
        AND earlier.status IN ('created', 'paid', 'done')
        AND (earlier.created_at, earlier.order_id) < (later.created_at, later.order_id)
      ORDER BY earlier.created_at, earlier.order_id
      LIMIT 1)
 WHERE later.subject LIKE 'violation:%'
   AND later.status IN ('created', 'paid', 'done');

CREATE UNIQUE INDEX payments_one_per_violation ON payments (subject)
  WHERE subject LIKE 'violation:%' AND status IN ('created', 'paid', 'done') AND duplicate_of IS NULL;
