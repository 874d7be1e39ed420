import type { Queryable } from '../../db/db'
import type { Fulfiller } from '../payments/payment-service'
import { findAppointmentById } from './appointments-repository'

/**
 * Fulfils a paid registration fee. The hospital holds the number from
 * booking on, so there is nothing to tell it: the appointment's number is
 * the receipt.
 */
export function fulfilAppointment({ db }: { db: Queryable }): Fulfiller {
  return async (paid) => {
    const row = await findAppointmentById(db, paid.subject.id)
    if (!row) throw new Error(`no appointment for ${paid.orderId}`)
    return { receiptNo: row.appointment_no }
  }
}
