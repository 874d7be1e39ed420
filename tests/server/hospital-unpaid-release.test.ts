import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatesT, DayScheduleT } from '../../src/api/hospital'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'

let p: CitizenPlatform

beforeAll(async () => {
  // Unpaid orders close after 1.2 s at the simulated payment agency; the platform sweeps every second.
  p = await startCitizenPlatform({ bookingSweepSeconds: 1 }, { paymentOrderTtlMinutes: 0.02 })
}, 60_000)
afterAll(() => p?.stop())

async function verifiedWithSlot() {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  const patientId = (await c.call('GET', '/v1/me/patients')).json().patients[0].id as string
  const base = '/v1/services/deyang-hospital/hospitals/tcm'
  // A date a few days out, so the cancel deadline is far away.
  const { dates } = (await c.call('GET', `${base}/dates?departmentId=cardiology`)).json() as DatesT
  const date = dates.filter((d) => d.bookable).at(-1)!.date
  const slotsNow = async () => ((await c.call('GET', `${base}/schedule?date=${date}&departmentId=cardiology`)).json() as DayScheduleT).slots
  return { c, patientId, slotsNow }
}

/** Polls the appointment's row until `done` says so (the sweep runs every second). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read()
  for (let i = 0; i < 40 && !done(value); i++) {
    await sleep(250)
    value = await read()
  }
  return value
}

describe('a booking whose fee is not paid in time', () => {
  it('is released at the hospital by the sweep: cancelled (unpaid), the number back, the record cancelled, nothing refunded', async () => {
    const { c, patientId, slotsNow } = await verifiedWithSlot()
    const slot = (await slotsNow()).find((s) => s.status === 'available')!

    const booked = await c.call('POST', '/v1/services/deyang-hospital/appointments', { slotId: slot.id, patientId, idempotencyKey: 'unpaid-release-0001' })
    expect(booked.statusCode).toBe(201)
    const { appointment, payment } = booked.json()
    expect((await slotsNow()).find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining - 1)

    // Its 30 minutes pass (WeChat Pay closed the order after its short test lifetime already), and
    // nobody looks at it: only the sweep can give the number back.
    await p.db.query(`UPDATE payments SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [payment.orderId])
    const row = await until(
      async () => (await p.db.query<{ status: string; cancel_reason: string | null }>('SELECT status, cancel_reason FROM appointments WHERE id = $1', [appointment.id]))[0],
      (r) => r?.status === 'cancelled',
    )
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'unpaid' })
    expect((await slotsNow()).find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining)
    const view = (await c.call('GET', `/v1/me/appointments/${appointment.id}`)).json()
    expect(view.appointment).toMatchObject({ status: 'cancelled', cancelReason: 'unpaid', cancellable: false })
    expect(view.appointment.refund).toBeUndefined()
    expect(view.payment.status).toBe('closed')
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([expect.objectContaining({ ref: payment.orderId, status: 'cancelled' })])
  }, 30_000)

  it('a fee paid after the citizen cancelled (the order was still open) is refunded by the sweep', async () => {
    const { c, patientId, slotsNow } = await verifiedWithSlot()
    const slot = (await slotsNow()).find((s) => s.status === 'available')!
    const { appointment, payment } = (await c.call('POST', '/v1/services/deyang-hospital/appointments', { slotId: slot.id, patientId, idempotencyKey: 'paid-after-cancel-1' })).json()
    expect((await c.call('POST', `/v1/me/appointments/${appointment.id}/cancel`, {})).json().appointment.status).toBe('cancelled')
    // Paid in another window before the order closed at the payment agency.
    expect((await c.call('POST', `/v1/me/payments/${payment.orderId}/simulated-pay`, {})).statusCode).toBe(200)
    const refunded = await until(
      async () => (await p.db.query<{ status: string }>('SELECT status FROM payments WHERE order_id = $1', [payment.orderId]))[0]!.status,
      (status) => status === 'refunded',
    )
    expect(refunded).toBe('refunded')
    const records = (await c.call('GET', '/v1/me/records')).json().records
    expect(records).toEqual(expect.arrayContaining([expect.objectContaining({ ref: `${payment.orderId}-r`, status: 'done', what: expect.stringContaining('退款') })]))
  }, 30_000)
})
