import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatesT, DayScheduleT } from '../../src/api/hospital'
import { idCheckCharacter } from '../../src/domain/id-number'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'

// A resident the simulated registry knows by name (mock/identity/app.ts).
const HOSPITAL = '/v1/services/deyang-hospital'

let p: CitizenPlatform
let trafficService: string

beforeAll(async () => {
  // The sweeps run every second; agency calls give up after 2 s, so the sweeps touch rows older than 4 s.
  p = await startCitizenPlatform({ bookingSweepSeconds: 1, agencyTimeoutMs: 2000 })
  ;[{ id: trafficService } = { id: '' }] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE contract = 'traffic@1' AND status = 'listed' ORDER BY id LIMIT 1`)
}, 60_000)
afterAll(() => p?.stop())

/** Points the contract's service at a closed loopback port (connection refused) for the duration of fn. */
async function whileUnreachable(contract: string, fn: () => Promise<void>) {
  const before = await p.db.query<{ id: string; endpoint: string }>(`SELECT id, endpoint FROM services WHERE contract = $1`, [contract])
  await p.db.query(`UPDATE services SET endpoint = 'http://127.0.0.1:1/down' WHERE contract = $1`, [contract])
  try {
    await fn()
  } finally {
    for (const s of before) await p.db.query(`UPDATE services SET endpoint = $2 WHERE id = $1`, [s.id, s.endpoint])
  }
}

/** Reads until `done` says so: only the sweeps move these rows, nobody looks at them. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read()
  for (let i = 0; i < 60 && !done(value); i++) {
    await sleep(250)
    value = await read()
  }
  return value
}

async function verifiedCitizen() {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  return c
}

describe('the payment sweep', () => {
  it('fulfils a fine paid while the traffic police were unreachable once they answer, with no citizen looking', async () => {
    const c = await verifiedCitizen()
    const bound = await c.call('POST', '/v1/me/vehicles', { plateType: '02', plate: '川A5W3K9', engineTail: '73215B' })
    expect(bound.statusCode).toBe(201)
    const vehicle = `/v1/services/${trafficService}/vehicles/${bound.json().vehicle.id}`
    const fine = (await c.call('GET', `${vehicle}/violations`)).json().violations.find((v: { payableOnline: boolean }) => v.payableOnline)
    const { payment } = (await c.call('POST', `${vehicle}/violations/${fine.id}/payments`, {})).json()
    const stored = async () => (await p.db.query<{ status: string; receipt_no: string | null }>('SELECT status, receipt_no FROM payments WHERE order_id = $1', [payment.orderId]))[0]!

    await whileUnreachable('traffic@1', async () => {
      const paid = await c.call('POST', `/v1/me/payments/${payment.orderId}/simulated-pay`, {})
      expect(paid.json().payment.status).toBe('paid')
      // Sweeps run meanwhile and find the police still unreachable.
      await sleep(2500)
      expect(await stored()).toEqual({ status: 'paid', receipt_no: null })
    })

    const after = await until(stored, (row) => row.status === 'done')
    expect(after).toEqual({ status: 'done', receipt_no: expect.stringMatching(/^[0-9]{20}$/) })
    expect(await p.db.query('SELECT status FROM citizen_records WHERE ref = $1', [payment.orderId])).toEqual([{ status: 'done' }])
    const view = (await c.call('GET', `${vehicle}/violations/${fine.id}`)).json()
    expect(view.violation).toMatchObject({ status: 'paid', orderId: payment.orderId })
  }, 30_000)
})

describe('the booking sweep, for a booking a failure left without its payment', () => {
  /** A citizen, a patient and a bookable slot a few days out (its cancel deadline far away). */
  async function withSlot(patient: { name: string; idNumber: string }) {
    const c = await verifiedCitizen()
    // A patient of its own per test: the hospital takes one booking per patient and department a day.
    const added = await c.call('POST', '/v1/me/patients', { ...patient, relation: 'other' })
    expect(added.statusCode).toBe(201)
    const patientId = added.json().patient.id as string
    const { dates } = (await c.call('GET', `${HOSPITAL}/hospitals/tcm/dates?departmentId=cardiology`)).json() as DatesT
    const date = dates.filter((d) => d.bookable).at(-1)!.date
    const slotsNow = async () => ((await c.call('GET', `${HOSPITAL}/hospitals/tcm/schedule?date=${date}&departmentId=cardiology`)).json() as DayScheduleT).slots
    const slot = (await slotsNow()).find((s) => s.status === 'available' && s.feeFen > 0)!
    const remaining = async () => (await slotsNow()).find((s) => s.id === slot.id)!.remaining
    return { c, patientId, slot, remaining: await remaining(), remainingNow: remaining }
  }

  /** Books while WeChat Pay is unreachable: the hospital holds the number, the fee's payment is never made there. */
  async function bookWithoutPayment(idempotencyKey: string, patient: { name: string; idNumber: string }) {
    const s = await withSlot(patient)
    p.mocks!.setWechatPayDown(true)
    try {
      const res = await s.c.call('POST', `${HOSPITAL}/appointments`, { slotId: s.slot.id, patientId: s.patientId, idempotencyKey })
      expect(res.statusCode).toBe(502)
    } finally {
      p.mocks!.setWechatPayDown(false)
    }
    const [row] = await p.db.query<{ id: string; order_id: string | null }>('SELECT id, order_id FROM appointments WHERE idem_key = $1', [idempotencyKey])
    expect(row).toEqual({ id: expect.any(String), order_id: null })
    expect(await s.remainingNow()).toBe(s.remaining - 1)
    return { ...s, appointmentId: row!.id }
  }

  it('opens the fee’s payment, so the citizen finds the booking awaiting payment and can pay it', async () => {
    const { c, appointmentId, remaining, remainingNow } = await bookWithoutPayment('sweep-repair-000001', { name: '李娜', idNumber: '440305198811220020' })
    const repaired = await until(
      async () => (await p.db.query<{ order_id: string | null }>('SELECT order_id FROM appointments WHERE id = $1', [appointmentId]))[0]!,
      (row) => row.order_id !== null,
    )
    expect(repaired.order_id).not.toBeNull()
    expect(await p.db.query('SELECT status, prepay IS NOT NULL AS made FROM payments WHERE order_id = $1', [repaired.order_id])).toEqual([{ status: 'created', made: true }])

    const view = (await c.call('GET', `/v1/me/appointments/${appointmentId}`)).json()
    expect(view.appointment.status).toBe('awaiting-payment')
    expect(view.payment).toMatchObject({ orderId: repaired.order_id, status: 'created', simulatedCashier: true })
    expect((await c.call('POST', `/v1/me/payments/${repaired.order_id}/simulated-pay`, {})).json().payment.status).toBe('done')
    expect((await c.call('GET', `/v1/me/appointments/${appointmentId}`)).json().appointment.status).toBe('booked')
    expect(await remainingNow()).toBe(remaining - 1)
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([expect.objectContaining({ ref: repaired.order_id, status: 'done' })])
  }, 30_000)

  it('gives the number back when the fee can no longer be paid, and cancels the payment and its record', async () => {
    const { c, appointmentId, remaining, remainingNow } = await bookWithoutPayment('sweep-release-00001', { name: '王芳', idNumber: `51060319850101001${idCheckCharacter('51060319850101001')}` })
    // Found only after the payment window: too late to ask the citizen for the fee.
    await p.db.query(`UPDATE appointments SET created_at = now() - interval '1 hour' WHERE id = $1`, [appointmentId])
    await p.db.query(`UPDATE payments SET created_at = now() - interval '1 hour' WHERE subject = $1`, [`appointment:${appointmentId}`])
    const released = await until(
      async () => (await p.db.query<{ status: string; cancel_reason: string | null }>('SELECT status, cancel_reason FROM appointments WHERE id = $1', [appointmentId]))[0]!,
      (row) => row.status === 'cancelled',
    )
    expect(released).toEqual({ status: 'cancelled', cancel_reason: 'unpaid' })
    expect(await remainingNow()).toBe(remaining)
    const closed = await until(
      async () => p.db.query<{ status: string }>('SELECT status FROM payments WHERE subject = $1', [`appointment:${appointmentId}`]),
      (rows) => rows[0]?.status === 'closed',
    )
    expect(closed).toEqual([{ status: 'closed' }])
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([expect.objectContaining({ status: 'cancelled' })])
    expect((await c.call('GET', `/v1/me/appointments/${appointmentId}`)).json().appointment).toMatchObject({ status: 'cancelled', cancelReason: 'unpaid' })
  }, 30_000)
})

describe('the booking sweep, for a booking a crash left half done (issue 16, finding 4)', () => {
  /** Runs fn while every insert into `table` fails, as a process killed just before that write would leave things. */
  async function crashingOn(table: string, fn: () => Promise<void>) {
    await p.db.exec(`CREATE OR REPLACE FUNCTION simulated_crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql`)
    await p.db.exec(`CREATE TRIGGER simulated_crash BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION simulated_crash()`)
    try {
      await fn()
    } finally {
      await p.db.exec(`DROP TRIGGER simulated_crash ON ${table}`)
    }
  }

  async function bookingSetup(patient: { name: string; idNumber: string }) {
    const c = await verifiedCitizen()
    const added = await c.call('POST', '/v1/me/patients', { ...patient, relation: 'other' })
    expect(added.statusCode).toBe(201)
    const { dates } = (await c.call('GET', `${HOSPITAL}/hospitals/tcm/dates?departmentId=cardiology`)).json() as DatesT
    const date = dates.filter((d) => d.bookable).at(-2)!.date
    const slotsNow = async () => ((await c.call('GET', `${HOSPITAL}/hospitals/tcm/schedule?date=${date}&departmentId=cardiology`)).json() as DayScheduleT).slots
    const slot = (await slotsNow()).find((s) => s.status === 'available' && s.feeFen > 0)!
    return { c, patientId: added.json().patient.id as string, slot, remainingNow: async () => (await slotsNow()).find((s) => s.id === slot.id)!.remaining }
  }

  const stored = async (idemKey: string) =>
    (await p.db.query<{ id: string; order_id: string | null; status: string }>('SELECT id, order_id, status FROM appointments WHERE idem_key = $1', [idemKey]))[0]

  it('a number the hospital booked but the platform never stored gets stored with its payment and 办事记录 line', async () => {
    const { c, patientId, slot, remainingNow } = await bookingSetup({ name: '赵敏', idNumber: `51060319860202002${idCheckCharacter('51060319860202002')}` })
    const before = await remainingNow()
    await crashingOn('appointments', async () => {
      const res = await c.call('POST', `${HOSPITAL}/appointments`, { slotId: slot.id, patientId, idempotencyKey: 'crash-before-store-01' })
      expect(res.statusCode).toBe(500)
    })
    expect(await stored('crash-before-store-01')).toBeUndefined()
    expect(await remainingNow()).toBe(before - 1)

    const repaired = await until(() => stored('crash-before-store-01'), (row) => Boolean(row?.order_id))
    expect(repaired).toMatchObject({ status: 'booked', order_id: expect.any(String) })
    expect(await remainingNow()).toBe(before - 1)
    expect(await p.db.query('SELECT status, prepay IS NOT NULL AS made FROM payments WHERE order_id = $1', [repaired!.order_id])).toEqual([{ status: 'created', made: true }])
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([expect.objectContaining({ ref: repaired!.order_id, status: 'pending' })])
    expect((await c.call('GET', `/v1/me/appointments/${repaired!.id}`)).json().appointment.status).toBe('awaiting-payment')
  }, 30_000)

  it('a booking whose fee payment was stored without its 办事记录 line gets the line', async () => {
    const { c, patientId, slot } = await bookingSetup({ name: '孙丽', idNumber: `51060319870303003${idCheckCharacter('51060319870303003')}` })
    await crashingOn('citizen_records', async () => {
      const res = await c.call('POST', `${HOSPITAL}/appointments`, { slotId: slot.id, patientId, idempotencyKey: 'crash-before-record1' })
      expect(res.statusCode).toBe(500)
    })
    const row = await stored('crash-before-record1')
    expect(row).toMatchObject({ order_id: null })
    expect(await p.db.query('SELECT count(*)::int AS n FROM payments WHERE subject = $1', [`appointment:${row!.id}`])).toEqual([{ n: 1 }])

    const repaired = await until(() => stored('crash-before-record1'), (r) => Boolean(r?.order_id))
    const records = await until(
      async () => (await c.call('GET', '/v1/me/records')).json().records as { ref: string; status: string }[],
      (list) => list.length > 0,
    )
    expect(records).toEqual([expect.objectContaining({ ref: repaired!.order_id, status: 'pending' })])
  }, 30_000)
})
