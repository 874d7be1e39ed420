import { Value } from 'typebox/value'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Appointment, AppointmentList, CancelResult, VisitCard } from '../../server/contracts/hospital'
import { DateList, type DateListT, DepartmentList, DoctorList, HospitalList, Schedule, type ScheduleT, type SlotT } from '../../src/api/hospital'
import { buildHospitalAgency } from '../../mock/hospital/app'
import { campusesForTenant } from '../../mock/hospital/campuses'
import { doctorsOf } from '../../mock/hospital/data'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { validManifest } from '../fixtures/manifests'
import { expectError, signedClient, unmaskedPii } from '../fixtures/signed-inject'

const SECRET = 'hospital-secret-for-tests'
const START = Date.parse('2025-06-18T10:00:00+08:00') // a Wednesday
let nowMs = START
const clock = () => nowMs
const fixtures = validManifest('hospital@1').fixtures as { hospitalId: string; patient: { name: string; idNumber: string } }
const H = fixtures.hospitalId
const patient = fixtures.patient
const idOf = (i: number) => `51060019900101${String(i).padStart(3, '0')}X`

let app: ReturnType<typeof buildHospitalAgency>
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildHospitalAgency({ secret: SECRET, now: clock })
  await app.ready()
  client = signedClient(app, SECRET, clock)
})
afterAll(() => app.close())
beforeEach(() => {
  nowMs = START
})

const schedule = async (date: string, departmentId = 'cardiology', hospitalId = H) =>
  client.get(`/v1/hospitals/${hospitalId}/schedule?date=${date}&departmentId=${departmentId}`)
const slotsOn = async (date: string, departmentId = 'cardiology'): Promise<SlotT[]> => (await schedule(date, departmentId)).json().slots
let keys = 0
const book = (slotId: string, who = patient, idempotencyKey = `auto-key-${++keys}`) =>
  client.post('/v1/appointments', { slotId, patient: who, idempotencyKey })

describe('hospital@1 mock: catalogue', () => {
  it('lists campuses with booking rules; the fixture campus is there', async () => {
    const res = await client.get('/v1/hospitals')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(HospitalList, body)).toBe(true)
    expect(body.hospitals.map((h: { id: string }) => h.id)).toContain(H)
    expect(body.hospitals.map((h: { name: string }) => h.name)).toEqual(['德阳市第一人民医院', '德阳市中医医院', '德阳市第二人民医院'])
    expect(body.hospitals[0].rules).toEqual({ windowDays: 7, releaseTime: '08:00', cancelRule: { daysBefore: 1, at: '17:00' }, holidayClinics: false })
  })

  it('a demo tenant runs its own city’s campuses; doctors differ between cities', () => {
    expect(campusesForTenant('hangzhou-hospital').map((h) => h.name)).toEqual(['杭州市第一人民医院', '杭州市中医医院', '杭州市第二人民医院'])
    expect(campusesForTenant('suzhou320500-hospital')[0]!.address).toMatch(/^江苏省苏州市/)
    expect(campusesForTenant('beijing-hospital')[0]!.address).toMatch(/^北京市/)
    const names = (tenant: string) => doctorsOf(campusesForTenant(tenant)[0]!.key, 'cardiology').map((d) => d.name)
    expect(names('hangzhou-hospital')).not.toEqual(names('deyang-hospital'))
  })

  it('departments and doctors validate and are deterministic', async () => {
    const deps = await client.get(`/v1/hospitals/${H}/departments`)
    expect(Value.Check(DepartmentList, deps.json())).toBe(true)
    expect(deps.json().departments.length).toBeGreaterThanOrEqual(4)
    const docs = await client.get(`/v1/hospitals/${H}/departments/cardiology/doctors`)
    expect(Value.Check(DoctorList, docs.json())).toBe(true)
    expect(docs.json().doctors.length).toBeGreaterThanOrEqual(3)
    expect((await client.get(`/v1/hospitals/${H}/departments/cardiology/doctors`)).json()).toEqual(docs.json())
  })

  it('unknown campus / department / doctor → 404 with their codes', async () => {
    expectError(await client.get('/v1/hospitals/nowhere/departments'), 404, 'HOSPITAL_NOT_FOUND')
    expectError(await client.get(`/v1/hospitals/${H}/departments/astrology/doctors`), 404, 'DEPARTMENT_NOT_FOUND')
    expectError(await client.get(`/v1/hospitals/${H}/schedule?date=2025-06-19&departmentId=cardiology&doctorId=cardiology-99`), 404, 'DOCTOR_NOT_FOUND')
  })
})

describe('hospital@1 mock: schedules', () => {
  it('a date in the window has slots with capacity, remaining and fee', async () => {
    const res = await schedule('2025-06-19')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(Schedule, body)).toBe(true)
    expect(body.released).toBe(true)
    expect(body.slots.length).toBeGreaterThan(0)
    for (const s of body.slots as SlotT[]) {
      expect(s.remaining).toBeLessThanOrEqual(s.capacity)
      expect(s.start < s.end).toBe(true)
    }
    expect((await schedule('2025-06-19')).json()).toEqual(body)
  })

  it('the general clinic (doctor 0) sees patients every day, weekends included', async () => {
    for (const date of ['2025-06-18', '2025-06-21', '2025-06-22', '2025-06-24']) {
      const slots = await slotsOn(date, 'respiratory')
      expect(slots.some((s) => s.doctorId === 'respiratory-0' && s.capacity === 10)).toBe(true)
    }
  })

  it('outside the window (past, too far, not a real date) → 422 DATE_OUTSIDE_WINDOW', async () => {
    for (const date of ['2025-06-17', '2025-06-25', '2025-02-30']) expectError(await schedule(date), 422, 'DATE_OUTSIDE_WINDOW')
  })

  it('the farthest date opens at the release time', async () => {
    nowMs = Date.parse('2025-06-18T07:59:00+08:00')
    const before = (await schedule('2025-06-24')).json()
    expect(before).toMatchObject({ released: false, slots: [], releaseAt: '2025-06-18T08:00:00+08:00' })
    const slot = (await slotsOn('2025-06-23'))[0]!
    expectError(await book(slot.id.replace('2025-06-23', '2025-06-24')), 422, 'NOT_RELEASED')
    nowMs = Date.parse('2025-06-18T08:00:00+08:00')
    expect((await schedule('2025-06-24')).json().released).toBe(true)
  })

  it('bad query → 400 VALIDATION_FAILED', async () => {
    expectError(await client.get(`/v1/hospitals/${H}/schedule?date=2025-6-19&departmentId=cardiology`), 400, 'VALIDATION_FAILED')
    expectError(await client.get(`/v1/hospitals/${H}/schedule?date=2025-06-19`), 400, 'VALIDATION_FAILED')
  })
})

describe('hospital@1 mock: schedule rules around 国庆节 2026 (chinese-days)', () => {
  // Monday 28 September 2026, 09:00: 1–7 October are holidays, Saturday 10 October is a make-up workday.
  const NATIONAL_DAY_WEEK = Date.parse('2026-09-28T09:00:00+08:00')
  const dates = async (hospitalId: string, departmentId = 'cardiology') => {
    const res = await client.get(`/v1/hospitals/${hospitalId}/dates?departmentId=${departmentId}`)
    expect(res.statusCode).toBe(200)
    expect(Value.Check(DateList, res.json())).toBe(true)
    return res.json().dates as DateListT['dates']
  }
  const day = async (hospitalId: string, date: string, departmentId = 'cardiology') => {
    const res = await client.get(`/v1/hospitals/${hospitalId}/schedule?date=${date}&departmentId=${departmentId}`)
    expect(res.statusCode).toBe(200)
    expect(Value.Check(Schedule, res.json())).toBe(true)
    return res.json() as ScheduleT
  }
  beforeEach(() => {
    nowMs = NATIONAL_DAY_WEEK
  })

  it('lists every date of the window, today first; public holidays are closed with the reason', async () => {
    const list = await dates('people-1')
    expect(list.map((d) => d.date)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'])
    for (const d of list.slice(3)) {
      expect(d).toMatchObject({ dayType: 'holiday', holidayName: '国庆节', status: 'holiday-closed', bookable: false, remaining: 0, reason: '国庆节假期门诊停诊' })
    }
    expect(list[1]).toMatchObject({ dayType: 'workday', status: 'bookable', bookable: true })
    expect(list[1]!.remaining).toBeGreaterThan(0)
    expect((await day('people-1', '2026-10-01')).slots).toEqual([])
    expectError(await book('people-1.cardiology-0.2026-10-01.0800'), 404, 'SLOT_NOT_FOUND')
  })

  it('dates outside the window → 422 with the window; the list never shows them', async () => {
    for (const date of ['2026-09-27', '2026-10-05']) expectError(await client.get(`/v1/hospitals/people-1/schedule?date=${date}&departmentId=cardiology`), 422, 'DATE_OUTSIDE_WINDOW')
    expectError(await book('people-1.cardiology-0.2026-10-12.0800'), 422, 'DATE_OUTSIDE_WINDOW')
  })

  it('a make-up workday (调休) runs the Monday timetable and is bookable', async () => {
    const list = await dates('tcm')
    expect(list).toHaveLength(14)
    const makeup = list.find((d) => d.date === '2026-10-10')!
    expect(makeup).toMatchObject({ dayType: 'makeup-workday', holidayName: '国庆节', bookable: true })
    const timetable = (s: ScheduleT) => s.slots.map((x) => `${x.doctorId}@${x.start}`)
    expect(timetable(await day('tcm', '2026-10-10'))).toEqual(timetable(await day('tcm', '2026-09-28')))
    const slot = (await day('tcm', '2026-10-10')).slots.find((x) => x.status === 'available')!
    expect((await book(slot.id, { name: '周八', idNumber: idOf(950) })).statusCode).toBe(200)
  })

  it('a campus with holiday clinics opens only the general clinic’s morning on holidays', async () => {
    const holiday = await day('tcm', '2026-10-01')
    expect(holiday.dayType).toBe('holiday')
    expect(new Set(holiday.slots.map((x) => x.doctorId))).toEqual(new Set(['cardiology-0']))
    expect(holiday.slots.every((x) => x.start < '12:00')).toBe(true)
  })

  it('before the release time the farthest date shows when it opens, and booking it → 422 NOT_RELEASED', async () => {
    const farthest = (await dates('tcm')).at(-1)!
    expect(farthest).toMatchObject({ date: '2026-10-11', released: false, status: 'not-released', bookable: false, reason: '9月28日 15:00 放号', releaseAt: '2026-09-28T15:00:00+08:00' })
    expectError(await book('tcm.cardiology-0.2026-10-11.0800'), 422, 'NOT_RELEASED')
    nowMs = Date.parse('2026-09-28T15:00:00+08:00')
    expect((await dates('tcm')).at(-1)).toMatchObject({ released: true, bookable: true })
  })

  it('slots that have started are shown as passed and cannot be booked', async () => {
    const today = await day('people-1', '2026-09-28')
    const passed = today.slots.filter((x) => x.start <= '09:00')
    expect(passed.length).toBeGreaterThan(0)
    expect(passed.every((x) => x.status === 'passed')).toBe(true)
    expect(today.slots.some((x) => x.status === 'available')).toBe(true)
    expectError(await book(passed[0]!.id), 422, 'SLOT_PASSED')
    nowMs = Date.parse('2026-09-28T17:00:00+08:00')
    expect((await dates('people-1'))[0]).toMatchObject({ status: 'passed', bookable: false, reason: '当日门诊时段已过' })
  })

  it('a cancel rule in hours counts back from the slot’s start', async () => {
    const slot = (await day('tcm', '2026-09-29')).slots.find((x) => x.status === 'available' && x.start === '14:00')!
    const a = (await book(slot.id, { name: '周八', idNumber: idOf(951) })).json()
    expect(a.cancelDeadline).toBe('2026-09-29T12:00:00+08:00')
  })
})

describe('hospital@1 mock: booking', () => {
  it('books a slot: the appointment validates, the patient is masked, remaining drops by one', async () => {
    const slot = (await slotsOn('2025-06-20')).find((s) => s.remaining > 1)!
    const res = await book(slot.id)
    expect(res.statusCode).toBe(200)
    const a = res.json()
    expect(Value.Check(Appointment, a)).toBe(true)
    expect(a).toMatchObject({ status: 'booked', slotId: slot.id, date: '2025-06-20', start: slot.start, feeFen: slot.feeFen })
    expect(a.patient).toEqual({ name: '*四', idNumber: '5106**********002X' })
    const after = (await slotsOn('2025-06-20')).find((s) => s.id === slot.id)!
    expect(after.remaining).toBe(slot.remaining - 1)
  })

  it('is idempotent by idempotencyKey: same answer, one number taken; the key for another slot → 409', async () => {
    const slot = (await slotsOn('2025-06-19', 'orthopedics')).find((s) => s.remaining > 2)!
    const first = await book(slot.id, patient, 'idem-key-0001')
    const retries = await Promise.all(Array.from({ length: 10 }, () => book(slot.id, patient, 'idem-key-0001')))
    for (const r of retries) expect(r.json()).toEqual(first.json())
    expect((await slotsOn('2025-06-19', 'orthopedics')).find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining - 1)
    const other = (await slotsOn('2025-06-19', 'orthopedics')).find((s) => s.id !== slot.id)!
    expectError(await book(other.id, patient, 'idem-key-0001'), 409, 'IDEMPOTENCY_CONFLICT')
  })

  it('200 concurrent bookings for a 10-number slot: exactly 10 succeed, the rest 409 SLOT_FULL', async () => {
    const slot = (await slotsOn('2025-06-22', 'gastro')).find((s) => s.capacity === 10 && s.remaining === 10)!
    expect(slot).toBeDefined()
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => book(slot.id, { name: '王小明', idNumber: idOf(i) }, `race-${String(i).padStart(4, '0')}`)),
    )
    const ok = results.filter((r) => r.statusCode === 200)
    expect(ok).toHaveLength(10)
    expect(new Set(ok.map((r) => r.json().queueNo))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    const refused = results.filter((r) => r.statusCode !== 200)
    expect(refused).toHaveLength(190)
    for (const r of refused) expectError(r, 409, 'SLOT_FULL')
    expect((await slotsOn('2025-06-22', 'gastro')).find((s) => s.id === slot.id)!.remaining).toBe(0)
  })

  it('one number per patient, doctor and day → 409 ALREADY_BOOKED', async () => {
    const slots = (await slotsOn('2025-06-21', 'dermatology')).filter((s) => s.doctorId === 'dermatology-0')
    expect((await book(slots[0]!.id, { name: '赵六', idNumber: idOf(900) })).statusCode).toBe(200)
    expectError(await book(slots[1]!.id, { name: '赵六', idNumber: idOf(900) }), 409, 'ALREADY_BOOKED')
  })

  it('a slot that has started → 422 SLOT_PASSED; an unknown slot → 404; bad input → 400', async () => {
    const today = (await slotsOn('2025-06-18', 'tcm')).find((s) => s.start === '08:00')!
    expectError(await book(today.id), 422, 'SLOT_PASSED')
    expectError(await book(`${H}.cardiology-0.2025-06-19.0745`), 404, 'SLOT_NOT_FOUND')
    expectError(await book(`${H}.cardiology-42.2025-06-19.0800`), 404, 'SLOT_NOT_FOUND')
    expectError(await client.post('/v1/appointments', { slotId: today.id, patient: { name: 'x', idNumber: '123' }, idempotencyKey: 'k' }), 400, 'VALIDATION_FAILED')
    const res = await client.post('/v1/appointments', { slotId: today.id, patient, idempotencyKey: 'abcdefgh', extra: true })
    expectError(res, 400, 'VALIDATION_FAILED')
    expect(JSON.stringify(res.json())).not.toContain(patient.idNumber)
  })
})

describe('hospital@1 mock: my appointments and cancelling', () => {
  const someone = { name: '孙七', idNumber: idOf(901) }

  it('lists a patient’s appointments, newest first, masked', async () => {
    const slots = await slotsOn('2025-06-23', 'ophthalmology')
    await book(slots[0]!.id, someone)
    const later = (await slotsOn('2025-06-24', 'ophthalmology'))[0]!
    await book(later.id, someone)
    const res = await client.post('/v1/appointments/query', { idNumber: someone.idNumber })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(AppointmentList, body)).toBe(true)
    expect(body.appointments.map((a: { date: string }) => a.date)).toEqual(['2025-06-24', '2025-06-23'])
    expect((await client.post('/v1/appointments/query', { idNumber: idOf(999) })).json()).toEqual({ appointments: [] })
  })

  it('cancels before the deadline, frees the number, and cancelling again answers the same', async () => {
    const slot = (await slotsOn('2025-06-23', 'respiratory')).find((s) => s.remaining > 0)!
    const a = (await book(slot.id, someone)).json()
    const res = await client.post(`/v1/appointments/${a.id}/cancel`, { idNumber: someone.idNumber })
    expect(res.statusCode).toBe(200)
    expect(Value.Check(CancelResult, res.json())).toBe(true)
    expect(res.json().appointment).toMatchObject({ id: a.id, status: 'cancelled' })
    expect((await slotsOn('2025-06-23', 'respiratory')).find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining)
    const again = await client.post(`/v1/appointments/${a.id}/cancel`, { idNumber: someone.idNumber })
    expect(again.json()).toEqual(res.json())
  })

  it('after the cancel deadline → 422 CANCEL_DEADLINE_PASSED; someone else’s → 404', async () => {
    const slot = (await slotsOn('2025-06-19', 'gynecology')).find((s) => s.start === '14:00' && s.remaining > 0)!
    const a = (await book(slot.id, someone)).json()
    // 17:00 the day before, the first people's hospital's rule.
    expect(a.cancelDeadline).toBe('2025-06-18T17:00:00+08:00')
    expectError(await client.post(`/v1/appointments/${a.id}/cancel`, { idNumber: idOf(902) }), 404, 'APPOINTMENT_NOT_FOUND')
    nowMs = Date.parse('2025-06-18T17:00:01+08:00')
    expectError(await client.post(`/v1/appointments/${a.id}/cancel`, { idNumber: someone.idNumber }), 422, 'CANCEL_DEADLINE_PASSED')
    expectError(await client.post('/v1/appointments/A20250101000000/cancel', { idNumber: someone.idNumber }), 404, 'APPOINTMENT_NOT_FOUND')
  })
})

describe('hospital@1 mock: visit card', () => {
  it('issues a card once per patient and campus, masked, with a QR payload', async () => {
    const res = await client.post('/v1/visit-cards', { hospitalId: H, patient })
    expect(res.statusCode).toBe(200)
    const card = res.json()
    expect(Value.Check(VisitCard, card)).toBe(true)
    expect(card.patient.idNumber).toBe('5106**********002X')
    nowMs += 3600_000
    expect((await client.post('/v1/visit-cards', { hospitalId: H, patient })).json()).toEqual(card)
    expectError(await client.post('/v1/visit-cards', { hospitalId: 'nowhere', patient }), 404, 'HOSPITAL_NOT_FOUND')
  })
})

describe('hospital@1 mock: signatures', () => {
  itEnforcesSignatures(() => app, SECRET, { method: 'GET', url: `/v1/hospitals/${H}/departments` }, clock)
  itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/appointments/query', body: { idNumber: patient.idNumber } }, clock)
})

describe('hospital@1 mock: PII', () => {
  it('no response body contained a full ID number or phone', () => {
    expect(client.bodies.length).toBeGreaterThan(200)
    expect(client.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})
