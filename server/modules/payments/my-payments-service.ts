import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { type MyPaymentRow, findCitizenPayment, listCitizenPayments } from './my-payments-repository'
import { decodeCursor, encodeCursor } from './page-cursor'
import { PAYMENT_WINDOW_MS } from './payment-service'
import { parseSubject } from './payment-subject'
import { MY_PAYMENT_ITEM_LABELS, myPaymentItemKind, myPaymentState } from '../../../src/domain/my-payment'
import type { MyPaymentListT, MyPaymentT } from '../../../src/api/my-payments'

const iso = (d: Date) => new Date(d).toISOString()

/** A stored payment as 我的支付 shows it, at `now` (an open order past its expiry shows closed). */
export function toMyPayment(row: MyPaymentRow, now: Date): MyPaymentT {
  const expiresAt = row.expires_at ? new Date(row.expires_at) : new Date(new Date(row.created_at).getTime() + PAYMENT_WINDOW_MS)
  const kind = myPaymentItemKind(parseSubject(row.subject).kind)
  const amountFen = Number(row.amount_fen)
  return {
    orderId: row.order_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    cityName: row.city_name,
    item: { kind, name: kind === 'other' ? row.description : MY_PAYMENT_ITEM_LABELS[kind], ...(kind === 'fine' && row.detail ? { plate: row.detail } : {}) },
    amountFen,
    state: myPaymentState(row.status, expiresAt, now),
    createdAt: iso(row.created_at),
    expiresAt: expiresAt.toISOString(),
    ...(row.paid_at ? { paidAt: iso(row.paid_at) } : {}),
    ...(row.receipt_no ? { receiptNo: row.receipt_no } : {}),
    ...(row.refunded_at ? { refundedAt: iso(row.refunded_at), refundFen: amountFen } : {}),
  }
}

/** 我的支付: one page of the citizen's own payments, newest first, and the cursor of the next when there is one. */
export async function listMyPayments(db: Queryable, citizenId: string, page: { cursor?: string; size?: number }): Promise<MyPaymentListT> {
  const size = page.size ?? 20
  const rows = await listCitizenPayments(db, citizenId, page.cursor ? decodeCursor(page.cursor) : undefined, size + 1)
  const now = new Date()
  const shown = rows.slice(0, size)
  const last = shown[shown.length - 1]
  return {
    payments: shown.map((r) => toMyPayment(r, now)),
    ...(rows.length > size && last ? { nextCursor: encodeCursor({ createdAt: last.created_text, orderId: last.order_id }) } : {}),
  }
}

/** One of the citizen's payments as 我的支付 shows it; 404 PAYMENT_NOT_FOUND for another's or none. */
export async function myPayment(db: Queryable, citizenId: string, orderId: string): Promise<MyPaymentT> {
  const row = await findCitizenPayment(db, citizenId, orderId)
  if (!row) throw new HttpError(404, 'PAYMENT_NOT_FOUND', 'No such payment / 未找到该笔支付')
  return toMyPayment(row, new Date())
}
