import type { Queryable } from '../../db/db'
import { servicePlaceSql } from '../../db/service-place-sql'
import type { PaymentRow } from './repository'

/** A payment with the name and place of its service, for 我的支付. */
export interface MyPaymentRow extends PaymentRow {
  detail: string | null
  service_name: string
  city_name: string
  /** created_at as PostgreSQL prints it: exact to the microsecond, for the page cursor. */
  created_text: string
}

/** Where the previous page ended (newest first: the last row's creation and order id). */
export interface PageEnd {
  createdAt: string
  orderId: string
}

const SELECT = `SELECT p.*, p.created_at::text AS created_text, s.name AS service_name, ${servicePlaceSql('s')} AS city_name
  FROM payments p JOIN services s ON s.id = p.service_id`

/** The citizen's payments, newest first, after `after` when given; `limit` rows at most. */
export function listCitizenPayments(db: Queryable, citizenId: string, after: PageEnd | undefined, limit: number): Promise<MyPaymentRow[]> {
  return after
    ? db.query<MyPaymentRow>(
        `${SELECT} WHERE p.citizen_id = $1 AND (p.created_at, p.order_id) < ($2::timestamptz, $3) ORDER BY p.created_at DESC, p.order_id DESC LIMIT $4`,
        [citizenId, after.createdAt, after.orderId, limit],
      )
    : db.query<MyPaymentRow>(`${SELECT} WHERE p.citizen_id = $1 ORDER BY p.created_at DESC, p.order_id DESC LIMIT $2`, [citizenId, limit])
}

/** One payment of the citizen, with its service's name and place. */
export async function findCitizenPayment(db: Queryable, citizenId: string, orderId: string): Promise<MyPaymentRow | undefined> {
  const [row] = await db.query<MyPaymentRow>(`${SELECT} WHERE p.citizen_id = $1 AND p.order_id = $2`, [citizenId, orderId])
  return row
}
