import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatesT, DayScheduleT, HospitalsT } from '../../src/api/hospital'
import { idCheckCharacter } from '../../src/domain/id-number'
import { piiInDatabase } from '../fixtures/pii-audit'
import { freshPerson } from './fresh-person'
import { type Citizen, type CitizenPlatform, startCitizenPlatform } from './citizen-platform'

// Residents the simulated registry knows by name (mock/identity/app.ts); any other valid number matches any name.
const ME = { name: '张伟', idNumber: '510603199003071238' }
const SPOUSE = { name: '李娜', idNumber: '440305198811220020' }
/** A distinct valid ID number per i (德阳 旌阳区, born 1985). */
const idNumberOf = (i: number) => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  const first17 = `5106031985${pad(1 + (i % 12), 2)}${pad(1 + (Math.floor(i / 12) % 28), 2)}${pad(Math.floor(i / 336), 3)}`
  return first17 + idCheckCharacter(first17)
}

let p: CitizenPlatform
let service: string
const allIds: string[] = [ME.idNumber, SPOUSE.idNumber]

beforeAll(async () => {
  // The hospital and payment agencies share the test's event loop with 200 concurrent bookings: 3 s before a timeout.
  p = await startCitizenPlatform({ agencyTimeoutMs: 3000 })
  ;[{ id: service } = { id: '' }] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE id = 'deyang-hospital' AND status = 'listed'`)
}, 60_000)
afterAll(() => p?.stop())

/** A person of the 张伟 kind no other account of this file holds (one identity binds one account). */
function fresh() {
  const person = freshPerson()
  allIds.push(person.idNumber)
  return person
}

async function verified(person = fresh()): Promise<Citizen> {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', person)).statusCode).toBe(200)
  return c
}

async function familyPatient(c: Citizen, person = SPOUSE, relation = 'spouse'): Promise<string> {
  const res = await c.call('POST', '/v1/me/patients', { ...person, relation })
  expect(res.statusCode).toBe(201)
  return res.json().patient.id
}

const base = () => `/v1/services/${service}/hospitals`

interface FoundSlot {
  hospitalId: string
  departmentId: string
  date: string
  slot: DayScheduleT['slots'][number]
}

/** The first available slot (today first) matching `wanted`, across the service's campuses. */
async function findSlot(c: Citizen, wanted: (s: FoundSlot, rules: HospitalsT['hospitals'][number]['rules']) => boolean, departmentId = 'cardiology'): Promise<FoundSlot> {
  const { hospitals } = (await c.call('GET', base())).json() as HospitalsT
  for (const h of hospitals) {
    const { dates } = (await c.call('GET', `${base()}/${h.id}/dates?departmentId=${departmentId}`)).json() as DatesT
    for (const d of dates.filter((x) => x.bookable)) {
      const day = (await c.call('GET', `${base()}/${h.id}/schedule?date=${d.date}&departmentId=${departmentId}`)).json() as DayScheduleT
      for (const slot of day.slots.filter((s) => s.status === 'available')) {
        const found = { hospitalId: h.id, departmentId, date: d.date, slot }
        if (wanted(found, h.rules)) return found
      }
    }
  }
  throw new Error('no slot matches')
}

const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)
const deadlineOf = (s: FoundSlot, rules: HospitalsT['hospitals'][number]['rules']) =>
  'hoursBefore' in rules.cancelRule
    ? at(s.date, s.slot.start) - rules.cancelRule.hoursBefore * 3600_000
    : at(s.date, rules.cancelRule.at) - rules.cancelRule.daysBefore * 86_400_000
let keys = 0
const key = () => `test-key-${String(++keys).padStart(6, '0')}-${Date.now()}`

describe('就诊人 (patients)', () => {
  it('need 实名认证; the verified citizen is always the first patient, masked', async () => {
    const c = await p.citizen()
    expect((await c.call('GET', '/v1/me/patients')).json().error.code).toBe('IDENTITY_REQUIRED')
    expect((await c.call('POST', '/v1/me/identity', fresh())).statusCode).toBe(200)
    const list = (await c.call('GET', '/v1/me/patients')).json()
    expect(list).toEqual({ max: 5, patients: [{ id: expect.any(String), name: '*伟', idNumber: '5106**********1238', relation: 'self', createdAt: expect.any(String) }] })
  })

  it('adds a family member checked like 实名认证: every bad field at once, a mismatch, a duplicate, the limit', async () => {
    const me = fresh()
    const c = await verified(me)
    const bad = await c.call('POST', '/v1/me/patients', { name: 'L', idNumber: '440305198811220021', relation: 'cousin' })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.idNumber', 'body.name', 'body.relation'])
    const mismatch = await c.call('POST', '/v1/me/patients', { name: '王芳', idNumber: SPOUSE.idNumber, relation: 'spouse' })
    expect(mismatch.json().error).toMatchObject({ code: 'IDENTITY_MISMATCH', details: [{ path: 'body.name' }] })

    await familyPatient(c)
    expect((await c.call('POST', '/v1/me/patients', { ...SPOUSE, relation: 'spouse' })).json().error.code).toBe('PATIENT_EXISTS')
    expect((await c.call('POST', '/v1/me/patients', { ...me, relation: 'other' })).json().error.code).toBe('PATIENT_EXISTS')
    for (let i = 1; i <= 3; i++) await familyPatient(c, { name: '张小明', idNumber: idNumberOf(i) }, 'child')
    const sixth = await c.call('POST', '/v1/me/patients', { name: '张小红', idNumber: idNumberOf(9), relation: 'child' })
    expect(sixth.statusCode).toBe(409)
    expect(sixth.json().error).toMatchObject({ code: 'TOO_MANY_PATIENTS', message: expect.stringContaining('最多添加 5 位') })
    const { patients } = (await c.call('GET', '/v1/me/patients')).json()
    expect(patients.map((x: { relation: string }) => x.relation)).toEqual(['self', 'spouse', 'child', 'child', 'child'])
    expect((await c.call('DELETE', `/v1/me/patients/${patients[0].id}`)).json().error.code).toBe('SELF_PATIENT')
    expect((await c.call('DELETE', `/v1/me/patients/${patients[4].id}`)).statusCode).toBe(204)
    allIds.push(idNumberOf(1), idNumberOf(2), idNumberOf(3))
  })
})

describe('booking, paying and cancelling', () => {
  it('books for a family patient; a double submit is one appointment; paid → booked; cancel before the deadline → number back, fee refunded, all in 办事记录', async () => {
    const c = await verified()
    const patientId = await familyPatient(c)
    const found = await findSlot(c, (s, rules) => s.slot.remaining >= 2 && deadlineOf(s, rules) > Date.now() + 3600_000)
    const request = { slotId: found.slot.id, patientId, idempotencyKey: key() }

    const taps = await Promise.all([0, 1, 2].map(() => c.call('POST', `/v1/services/${service}/appointments`, request)))
    expect(taps.map((t) => t.statusCode).sort()).toEqual([200, 200, 201])
    const { appointment, payment } = taps.find((t) => t.statusCode === 201)!.json()
    for (const t of taps) expect(t.json().appointment.id).toBe(appointment.id)
    expect(appointment).toMatchObject({
      status: 'awaiting-payment',
      date: found.date,
      start: found.slot.start,
      feeFen: found.slot.feeFen,
      patientId,
      patient: { name: '*娜', idNumber: '4403**********0020' },
      visitCardNo: expect.stringMatching(/^JZ[0-9]{10}$/),
      cancellable: true,
      upcoming: true,
    })
    expect(payment).toMatchObject({ status: 'created', amountFen: found.slot.feeFen, description: '预约挂号费' })
    expect(await p.db.query('SELECT id FROM appointments WHERE citizen_id = (SELECT citizen_id FROM appointments WHERE id = $1)', [appointment.id])).toHaveLength(1)
    const remainingNow = async () =>
      ((await c.call('GET', `${base()}/${found.hospitalId}/schedule?date=${found.date}&departmentId=${found.departmentId}`)).json() as DayScheduleT).slots.find((s) => s.id === found.slot.id)!.remaining
    expect(await remainingNow()).toBe(found.slot.remaining - 1)
    // The same key for another patient is refused, not silently answered with this booking.
    const reused = await c.call('POST', `/v1/services/${service}/appointments`, { ...request, patientId: (await c.call('GET', '/v1/me/patients')).json().patients[0].id })
    expect(reused.statusCode).toBe(409)
    expect(reused.json().error.code).toBe('IDEMPOTENCY_CONFLICT')

    expect((await c.call('POST', `/v1/me/payments/${payment.orderId}/simulated-pay`, {})).statusCode).toBe(200)
    const paid = (await c.call('GET', `/v1/me/appointments/${appointment.id}`)).json()
    expect(paid.appointment.status).toBe('booked')
    expect(paid.payment).toMatchObject({ status: 'done', receiptNo: appointment.appointmentNo })
    expect((await c.call('GET', '/v1/me/appointments')).json().appointments).toEqual([paid.appointment])

    const cancelled = await c.call('POST', `/v1/me/appointments/${appointment.id}/cancel`, {})
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json().appointment).toMatchObject({ status: 'cancelled', cancelReason: 'citizen', cancellable: false, refund: { amountFen: found.slot.feeFen } })
    expect(cancelled.json().payment).toMatchObject({ status: 'refunded', refundedAt: expect.any(String) })
    expect(await remainingNow()).toBe(found.slot.remaining)
    // Cancelling again answers the same; the fee is refunded once.
    expect((await c.call('POST', `/v1/me/appointments/${appointment.id}/cancel`, {})).json()).toEqual(cancelled.json())
    const records = (await c.call('GET', '/v1/me/records')).json().records
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'cancelled', ref: payment.orderId, what: expect.stringContaining('预约挂号'), amountFen: found.slot.feeFen }),
        expect.objectContaining({ status: 'done', ref: `${payment.orderId}-r`, what: expect.stringContaining('退款'), amountFen: found.slot.feeFen }),
      ]),
    )
    expect(records).toHaveLength(2)
  })

  it('after the cancel deadline → 422 with the rule; the appointment stays booked', async () => {
    const c = await verified()
    const patientId = (await c.call('GET', '/v1/me/patients')).json().patients[0].id
    // Today's slots at a campus that closes cancelling the day before, or a slot within its hours-before rule.
    const found = await findSlot(c, (s, rules) => deadlineOf(s, rules) < Date.now())
    const booked = await c.call('POST', `/v1/services/${service}/appointments`, { slotId: found.slot.id, patientId, idempotencyKey: key(), noCancelAcknowledged: true })
    expect(booked.statusCode).toBe(201)
    const { appointment } = booked.json()
    expect(appointment.cancellable).toBe(false)
    const refused = await c.call('POST', `/v1/me/appointments/${appointment.id}/cancel`, {})
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({ code: 'CANCEL_DEADLINE_PASSED', message: expect.stringMatching(/已超过取消期限：该医院的预约须在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前取消/) })
    expect((await c.call('GET', `/v1/me/appointments/${appointment.id}`)).json().appointment.status).toBe('awaiting-payment')
    // The patient cannot be removed while booked (self cannot anyway); a family patient with a booking neither.
    const spouseId = await familyPatient(c)
    const later = await findSlot(c, (s) => s.slot.id !== found.slot.id)
    expect((await c.call('POST', `/v1/services/${service}/appointments`, { slotId: later.slot.id, patientId: spouseId, idempotencyKey: key(), noCancelAcknowledged: true })).statusCode).toBe(201)
    expect((await c.call('DELETE', `/v1/me/patients/${spouseId}`)).json().error.code).toBe('PATIENT_HAS_APPOINTMENTS')
  })

  it('past the cancel deadline, a slot with a fee is booked only with the citizen\'s acknowledgement: 422 NO_CANCEL_ACK_REQUIRED before anything is booked or charged', async () => {
    const c = await verified()
    // Someone who has booked nothing yet (the hospital refuses one person the same slot twice).
    const patientId = await familyPatient(c, { name: '张小明', idNumber: idNumberOf(400) }, 'other')
    allIds.push(idNumberOf(400))
    const found = await findSlot(c, (s, rules) => s.slot.feeFen > 0 && deadlineOf(s, rules) < Date.now())
    const where = { hospitalId: found.hospitalId, departmentId: found.departmentId, date: found.date }
    const remaining = async () => {
      const day = (await c.call('GET', `${base()}/${found.hospitalId}/schedule?date=${found.date}&departmentId=${found.departmentId}`)).json() as DayScheduleT
      return day.slots.find((s) => s.id === found.slot.id)!.remaining
    }
    const before = await remaining()
    const count = async () => (await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments`))[0]!.n
    const stored = await count()
    const idempotencyKey = key()

    // Saying where the slot is: refused before the hospital is asked to book, so its number stays free.
    const refused = await c.call('POST', `/v1/services/${service}/appointments`, { slotId: found.slot.id, patientId, idempotencyKey, where })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({ code: 'NO_CANCEL_ACK_REQUIRED', message: expect.stringContaining('预约后不能取消：请勾选“我已知晓预约后不能取消”后再预约') })
    expect(await remaining()).toBe(before)
    // Without saying where (an older app): refused on the hospital's answer, nothing stored and no fee opened.
    const unplaced = await c.call('POST', `/v1/services/${service}/appointments`, { slotId: found.slot.id, patientId, idempotencyKey })
    expect(unplaced.statusCode).toBe(422)
    expect(unplaced.json().error.code).toBe('NO_CANCEL_ACK_REQUIRED')
    expect(await count()).toBe(stored)

    // With the tick, the same key books the one number (the hospital's idempotent answer) and opens the fee.
    const booked = await c.call('POST', `/v1/services/${service}/appointments`, { slotId: found.slot.id, patientId, idempotencyKey, where, noCancelAcknowledged: true })
    expect(booked.statusCode).toBe(201)
    expect(booked.json().appointment.cancellable).toBe(false)
    expect(booked.json().payment).toMatchObject({ status: 'created', amountFen: found.slot.feeFen })
    expect(await remaining()).toBe(before - 1)
    expect(await count()).toBe(stored + 1)
  })

  it('a slot where the request says it is not listed → 409 SLOT_NOT_FOUND', async () => {
    const c = await verified()
    const patientId = (await c.call('GET', '/v1/me/patients')).json().patients[0].id
    const found = await findSlot(c, () => true)
    const res = await c.call('POST', `/v1/services/${service}/appointments`, {
      slotId: found.slot.id,
      patientId,
      idempotencyKey: key(),
      where: { hospitalId: found.hospitalId, departmentId: 'no-such-department', date: found.date },
    })
    expect([404, 409]).toContain(res.statusCode)
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('unknown slot, doctor or department → 404 with a message; someone else’s appointment → 404', async () => {
    const c = await verified()
    const patientId = (await c.call('GET', '/v1/me/patients')).json().patients[0].id
    const unknownSlot = await c.call('POST', `/v1/services/${service}/appointments`, { slotId: 'people-1.cardiology-42.2030-01-01.0745', patientId, idempotencyKey: key() })
    expect(unknownSlot.statusCode).toBe(404)
    expect(unknownSlot.json().error).toMatchObject({ code: 'SLOT_NOT_FOUND', message: expect.stringContaining('未找到该号源') })
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const doctor = await c.call('GET', `${base()}/people-1/schedule?date=${today}&departmentId=cardiology&doctorId=cardiology-99`)
    expect(doctor.json().error).toMatchObject({ code: 'DOCTOR_NOT_FOUND', message: expect.stringContaining('没有此医生') })
    expect((await c.call('GET', `${base()}/people-1/departments/astrology/doctors`)).json().error.code).toBe('DEPARTMENT_NOT_FOUND')
    expect((await c.call('GET', `${base()}/nowhere/departments`)).json().error.code).toBe('HOSPITAL_NOT_FOUND')
    const [other] = await p.db.query<{ id: string }>('SELECT id FROM appointments LIMIT 1')
    expect((await c.call('GET', `/v1/me/appointments/${other!.id}`)).json().error.code).toBe('APPOINTMENT_NOT_FOUND')
    expect((await c.call('POST', `/v1/me/appointments/${other!.id}/cancel`, {})).json().error.code).toBe('APPOINTMENT_NOT_FOUND')
    const noPatient = await c.call('POST', `/v1/services/${service}/appointments`, { slotId: 'people-1.cardiology-0.2030-01-01.0800', patientId: '00000000-0000-4000-8000-000000000000', idempotencyKey: key() })
    expect(noPatient.json().error.code).toBe('PATIENT_NOT_FOUND')
  })
})

describe('200 citizens race for the last 10 numbers', () => {
  it('exactly 10 appointments, 190 clear 号源已满, no 5xx, capacity never below zero', async () => {
    const seed = await verified()
    // The general clinic (doctor 0, 主治医师) has 10 numbers per slot and none taken outside the platform.
    const found = await findSlot(seed, (s) => s.slot.doctorId.endsWith('-0') && s.slot.remaining === 10 && s.date > new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), 'gastro')
    const racers: { c: Citizen; patientId: string }[] = []
    for (let batch = 0; batch < 10; batch++) {
      racers.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, async (_v, i) => {
            const person = { name: '王小明', idNumber: idNumberOf(1000 + batch * 20 + i) }
            allIds.push(person.idNumber)
            const c = await verified(person)
            return { c, patientId: (await c.call('GET', '/v1/me/patients')).json().patients[0].id as string }
          }),
        )),
      )
    }
    // Late in the day the slot may already be past its cancel deadline: the tick is given (this test is about the race).
    const results = await Promise.all(
      racers.map(({ c, patientId }) => c.call('POST', `/v1/services/${service}/appointments`, { slotId: found.slot.id, patientId, idempotencyKey: key(), noCancelAcknowledged: true })),
    )
    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    const refused = results.filter((r) => r.statusCode !== 201)
    expect(refused).toHaveLength(190)
    for (const r of refused) expect(r.json().error).toMatchObject({ code: 'SLOT_FULL', message: expect.stringContaining('号源已满') })
    const queue = results.filter((r) => r.statusCode === 201).map((r) => r.json().appointment.queueNo)
    expect(new Set(queue)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    const day = (await seed.call('GET', `${base()}/${found.hospitalId}/schedule?date=${found.date}&departmentId=gastro`)).json() as DayScheduleT
    expect(day.slots.find((s) => s.id === found.slot.id)).toMatchObject({ remaining: 0, status: 'full' })
    const [{ n } = { n: 0 }] = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE details->>'slotId' = $1`, [found.slot.id])
    expect(n).toBe(10)
  }, 120_000)
})

describe('a hospital that does not answer', () => {
  it('booking → 504 with a message to retry; the retry with the same key books once', async () => {
    const c = await verified()
    const patientId = (await c.call('GET', '/v1/me/patients')).json().patients[0].id
    const found = await findSlot(c, (s) => s.slot.remaining > 0, 'respiratory')
    // Today's first slot may be past its cancel deadline: the tick is given (this test is about the timeout).
    const request = { slotId: found.slot.id, patientId, idempotencyKey: key(), noCancelAcknowledged: true }
    const server = createServer(() => {}).listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const [before] = await p.db.query<{ endpoint: string }>('SELECT endpoint FROM services WHERE id = $1', [service])
    await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [service, `http://127.0.0.1:${(server.address() as { port: number }).port}/hang`])
    try {
      const res = await c.call('POST', `/v1/services/${service}/appointments`, request)
      expect(res.statusCode).toBe(504)
      expect(res.json().error).toMatchObject({ code: 'AGENCY_TIMEOUT', message: expect.stringContaining('稍后重试') })
    } finally {
      await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [service, before!.endpoint])
      server.close()
    }
    const retry = await c.call('POST', `/v1/services/${service}/appointments`, request)
    expect(retry.statusCode).toBe(201)
    expect((await c.call('POST', `/v1/services/${service}/appointments`, request)).json().appointment.id).toBe(retry.json().appointment.id)
  })
})

describe('PII after all of the above', () => {
  it('no patient name or ID number in any table outside the sealed columns, nor in any log line', async () => {
    const secrets = [ME.name, SPOUSE.name, '王小明', '张小明', ...allIds]
    expect(await piiInDatabase(p.db, secrets)).toEqual([])
    const logs = p.logs.join('')
    expect(p.logs.length).toBeGreaterThan(100)
    for (const secret of secrets) expect(logs).not.toContain(secret)
  })
})
