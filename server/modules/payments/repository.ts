import type { Queryable } from '../../db/db'
import type { StoredPrepay } from './stored-prepay'
import type { PaymentStatus } from '../../../src/api/payments'
import { SubjectTaken } from './subject-taken'

/** The index (017) that keeps one open or paid payment per violation across services. */
const ONE_PER_VIOLATION = 'payments_one_per_violation'

export interface PaymentRow {
  order_id: string
  citizen_id: string
  service_id: string
  subject: string
  description: string
  amount_fen: string | number
  status: PaymentStatus
  pay_agency_id: string
  prepay: StoredPrepay | null
  expires_at: Date | null
  transaction_id: string | null
  paid_at: Date | null
  receipt_no: string | null
  refund_id: string | null
  refunded_at: Date | null
  created_at: Date
}

export interface NewPayment {
  orderId: string
  citizenId: string
  serviceId: string
  subject: string
  description: string
  amountFen: number
  payAgencyId: string
  /** Masked, e.g. a fine's plate. */
  detail?: string
}

/**
 * Inserts the payment unless one that is not closed exists for the same
 * service and subject (the partial unique index decides, so concurrent
 * attempts cannot both win). Answers the row that is open afterwards and
 * whether it is the one just inserted; throws SubjectTaken when a violation
 * is open or paid in another service.
 */
export async function insertOrFindOpen(db: Queryable, p: NewPayment): Promise<{ row: PaymentRow; created: boolean }> {
  const [inserted] = await db
    .query<PaymentRow>(
      `INSERT INTO payments (order_id, citizen_id, service_id, subject, description, amount_fen, pay_agency_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (service_id, subject) WHERE status <> 'closed' DO NOTHING
       RETURNING *`,
      [p.orderId, p.citizenId, p.serviceId, p.subject, p.description, p.amountFen, p.payAgencyId, p.detail ?? null],
    )
    .catch((err: unknown) => {
      const { code, constraint } = err as { code?: string; constraint?: string }
      throw code === '23505' && constraint === ONE_PER_VIOLATION ? new SubjectTaken(p.subject) : err
    })
  if (inserted) return { row: inserted, created: true }
  const open = await findOpenPayment(db, p.serviceId, p.subject)
  // The open one was closed between the two statements: try once more.
  return open ? { row: open, created: false } : insertOrFindOpen(db, p)
}

export async function findOpenPayment(db: Queryable, serviceId: string, subject: string): Promise<PaymentRow | undefined> {
  const [row] = await db.query<PaymentRow>(`SELECT * FROM payments WHERE service_id = $1 AND subject = $2 AND status <> 'closed'`, [serviceId, subject])
  return row
}

/** The payment of the subject that is not closed in any service other than `serviceId`, if any (the newest). */
export async function findOpenPaymentElsewhere(db: Queryable, serviceId: string, subject: string): Promise<PaymentRow | undefined> {
  const [row] = await db.query<PaymentRow>(
    `SELECT * FROM payments WHERE subject = $2 AND service_id <> $1 AND status <> 'closed' ORDER BY created_at DESC LIMIT 1`,
    [serviceId, subject],
  )
  return row
}

export async function findPayment(db: Queryable, orderId: string): Promise<PaymentRow | undefined> {
  const [row] = await db.query<PaymentRow>('SELECT * FROM payments WHERE order_id = $1', [orderId])
  return row
}

/** Keeps the first prepay answer (every concurrent caller got the same one from the idempotent agency). */
export async function setPrepay(db: Queryable, orderId: string, prepay: StoredPrepay): Promise<PaymentRow> {
  const [row] = await db.query<PaymentRow>(
    `UPDATE payments SET prepay = COALESCE(prepay, $2::jsonb), expires_at = COALESCE(expires_at, $3) WHERE order_id = $1 RETURNING *`,
    [orderId, JSON.stringify(prepay), prepay.expiresAt],
  )
  return row!
}

/** created → paid, once: true only for the call that made the change. */
export async function markPaid(db: Queryable, orderId: string, transactionId: string, paidAt: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE payments SET status = 'paid', transaction_id = $2, paid_at = $3 WHERE order_id = $1 AND status = 'created' RETURNING order_id`,
    [orderId, transactionId, paidAt],
  )
  return rows.length === 1
}

/** paid → done with the agency's receipt, once. */
export async function markDone(db: Queryable, orderId: string, receiptNo: string): Promise<boolean> {
  const rows = await db.query(`UPDATE payments SET status = 'done', receipt_no = $2, done_at = now() WHERE order_id = $1 AND status = 'paid' RETURNING order_id`, [orderId, receiptNo])
  return rows.length === 1
}

/** created → closed (expired unpaid at the payment agency, or closed by the citizen), once. */
export async function markClosed(db: Queryable, orderId: string): Promise<boolean> {
  const rows = await db.query(`UPDATE payments SET status = 'closed' WHERE order_id = $1 AND status = 'created' RETURNING order_id`, [orderId])
  return rows.length === 1
}

/** paid or done → refunded, once: true only for the call that made the change. */
export async function markRefunded(db: Queryable, orderId: string, refundId: string, refundedAt: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE payments SET status = 'refunded', refund_id = $2, refunded_at = $3 WHERE order_id = $1 AND status IN ('paid', 'done') RETURNING order_id`,
    [orderId, refundId, refundedAt],
  )
  return rows.length === 1
}

/** The agency lost the order and made it again: its new prepay replaces the one that can no longer be paid. */
export async function replacePrepay(db: Queryable, orderId: string, prepay: StoredPrepay): Promise<PaymentRow> {
  const [row] = await db.query<PaymentRow>(`UPDATE payments SET prepay = $2::jsonb, expires_at = $3 WHERE order_id = $1 AND status = 'created' RETURNING *`, [
    orderId,
    JSON.stringify(prepay),
    prepay.expiresAt,
  ])
  return row ?? (await findPayment(db, orderId))!
}

/**
 * Payments a crash or a lost answer may have left half done, oldest first:
 * paid but not fulfilled, or still open. Only those older than `graceMs`,
 * so a request still working on one finishes it first.
 */
export function needingReconciliation(db: Queryable, graceMs: number, limit = 100): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(
    `SELECT * FROM payments WHERE status IN ('created', 'paid') AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
    [graceMs / 1000, limit],
  )
}
