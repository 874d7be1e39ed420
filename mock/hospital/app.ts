import { createHash } from 'node:crypto'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import { type AppointmentT, HOSPITAL_ERRORS, operations } from '../../server/contracts/hospital'
import type { DAY_STATUSES, SlotT } from '../../src/api/hospital'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { DAY_MS, addDays, atCst, dateCst, daysBetween, isRealDate, isoCst } from '../shared/china-time'
import { seeded } from '../shared/seeded'
import { type Campus, campusesForTenant } from './campuses'
import { type DoctorOnDuty, type GeneratedSlot, departmentsOf, doctorsOf, slotsOf, toDoctor } from './data'
import { dayKind } from './day-type'

export interface HospitalAgencyOptions extends AgencyOptions {
  /** The campuses this agency runs; by default the three of its tenant's city (campuses.ts). */
  hospitals?: Campus[]
}

interface Stored {
  appointment: AppointmentT
  idNumber: string
}

type DayStatus = (typeof DAY_STATUSES)[number]

/** M月D日, as reasons for citizens say dates. */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/**
 * The simulated hospital (医院) implementing hospital@1. Bookings live in
 * memory: every check and the booking itself happen in one synchronous step,
 * so concurrent requests can never take more numbers than a slot has.
 */
export function registerHospitalAgency(scope: AgencyScope, options: HospitalAgencyOptions): void {
  const now = options.now ?? Date.now
  const hospitals = options.hospitals ?? campusesForTenant(options.tenantId)
  const active = new Map<string, number>() // slotId → booked through the contract and not cancelled
  const issued = new Map<string, number>() // slotId → queue numbers handed out (never reused)
  const appointments = new Map<string, Stored>()
  const byKey = new Map<string, { slotId: string; idNumber: string; appointmentId: string }>()
  const cards = new Map<string, { cardNo: string; issuedAt: string }>()
  let sequence = 0

  const hospitalOf = (id: string) => {
    const h = hospitals.find((x) => x.id === id)
    if (!h) throw fail(HOSPITAL_ERRORS, 'HOSPITAL_NOT_FOUND', `No campus ${id} / 未找到该院区`)
    return h
  }
  const departmentOf = (h: Campus, id: string) => {
    const d = departmentsOf(h.key).find((x) => x.id === id)
    if (!d) throw fail(HOSPITAL_ERRORS, 'DEPARTMENT_NOT_FOUND', `No department ${id} at ${h.name} / 未找到该科室`)
    return d
  }
  const doctorsIn = (h: Campus, departmentId: string, doctorId: string | undefined) => {
    const d = departmentOf(h, departmentId)
    const all = doctorsOf(h.key, d.id)
    if (!doctorId) return { department: d, doctors: all }
    const doctors = all.filter((x) => x.id === doctorId)
    if (doctors.length === 0) throw fail(HOSPITAL_ERRORS, 'DOCTOR_NOT_FOUND', `No doctor ${doctorId} in ${d.name} / 该科室没有此医生`)
    return { department: d, doctors }
  }
  /** When a date's numbers open: the release time, windowDays − 1 days before the date. */
  const releaseAtOf = (h: Campus, date: string) => atCst(date, h.rules.releaseTime) - (h.rules.windowDays - 1) * DAY_MS
  const checkWindow = (h: Campus, date: string) => {
    const offset = daysBetween(dateCst(now()), date)
    if (!isRealDate(date) || offset < 0 || offset >= h.rules.windowDays) {
      throw fail(HOSPITAL_ERRORS, 'DATE_OUTSIDE_WINDOW', `${date} is outside the booking window of ${h.rules.windowDays} days from today / 只能预约今天起 ${h.rules.windowDays} 天内的号源`, [
        { path: 'date', message: `from ${dateCst(now())}, ${h.rules.windowDays} days` },
      ])
    }
  }
  const cancelDeadlineOf = (h: Campus, date: string, start: string) => {
    const rule = h.rules.cancelRule
    return 'hoursBefore' in rule ? atCst(date, start) - rule.hoursBefore * 3600_000 : atCst(addDays(date, -rule.daysBefore), rule.at)
  }
  const remainingOf = (slot: GeneratedSlot) => Math.max(0, slot.capacity - slot.prebooked - (active.get(slot.id) ?? 0))

  /** A date as the booking pages show it: kind of day, release, its slots and why nothing can be booked. */
  const dayOf = (h: Campus, doctors: DoctorOnDuty[], date: string) => {
    const kind = dayKind(date)
    const releaseAt = releaseAtOf(h, date)
    const released = now() >= releaseAt
    const generated = doctors.flatMap((doctor) => slotsOf(h, doctor, date))
    const slots = released
      ? generated.map((slot) => {
          const { prebooked: _internal, ...shown } = slot
          const remaining = remainingOf(slot)
          const status = atCst(date, shown.start) <= now() ? 'passed' : remaining === 0 ? 'full' : 'available'
          return { ...shown, remaining, status: status as SlotT['status'] }
        })
      : []
    slots.sort((a, b) => a.start.localeCompare(b.start) || a.doctorId.localeCompare(b.doctorId))
    const open = slots.filter((s) => s.status === 'available')
    const remaining = open.reduce((sum, s) => sum + s.remaining, 0)
    let status: DayStatus = 'bookable'
    let reason: string | undefined
    if (generated.length === 0) {
      status = kind.dayType === 'holiday' ? 'holiday-closed' : 'no-clinic'
      reason = kind.dayType === 'holiday' ? `${kind.holidayName}假期门诊停诊` : doctors.length === 1 ? '医生当日不出诊' : '当日无门诊'
    } else if (!released) {
      status = 'not-released'
      reason = `${monthDay(dateCst(releaseAt))} ${h.rules.releaseTime} 放号`
    } else if (open.length === 0) {
      status = slots.every((s) => s.status === 'passed') ? 'passed' : 'full'
      reason = status === 'passed' ? '当日门诊时段已过' : '号源已约满'
    }
    return {
      day: { date, ...kind, released, releaseAt: isoCst(releaseAt), status, ...(reason ? { reason } : {}) },
      slots,
      remaining,
    }
  }

  const findSlot = (slotId: string) => {
    const [hospitalId = '', doctorId = '', date = '', hhmm = ''] = slotId.split('.')
    const h = hospitals.find((x) => x.id === hospitalId)
    const departmentId = doctorId.replace(/-[0-9]+$/, '')
    const dept = h && isRealDate(date) ? departmentsOf(h.key).find((d) => d.id === departmentId) : undefined
    const doctor = h && dept ? doctorsOf(h.key, dept.id).find((d) => d.id === doctorId) : undefined
    const slot = h && doctor ? slotsOf(h, doctor, date).find((s) => s.start.replace(':', '') === hhmm) : undefined
    if (!h || !dept || !doctor || !slot) throw fail(HOSPITAL_ERRORS, 'SLOT_NOT_FOUND', `No slot ${slotId} / 未找到该号源`)
    return { hospital: h, department: dept, doctor, slot, date }
  }

  implement(scope, operation(operations, 'listHospitals'), () => ({ hospitals: hospitals.map(({ key: _internal, ...listed }) => listed) }))

  implement(scope, operation(operations, 'listDepartments'), ({ params }) => ({ departments: departmentsOf(hospitalOf(params.hospitalId).key) }))

  implement(scope, operation(operations, 'listDoctors'), ({ params }) => {
    const h = hospitalOf(params.hospitalId)
    return { doctors: doctorsIn(h, params.departmentId, undefined).doctors.map(toDoctor) }
  })

  implement(scope, operation(operations, 'listDates'), ({ params, query }) => {
    const h = hospitalOf(params.hospitalId)
    const { department, doctors } = doctorsIn(h, query.departmentId, query.doctorId)
    const today = dateCst(now())
    const dates = Array.from({ length: h.rules.windowDays }, (_v, i) => {
      const { day, remaining } = dayOf(h, doctors, addDays(today, i))
      return { ...day, remaining, bookable: day.status === 'bookable' }
    })
    return { hospitalId: h.id, departmentId: department.id, dates }
  })

  implement(scope, operation(operations, 'getSchedule'), ({ params, query }) => {
    const h = hospitalOf(params.hospitalId)
    const { department, doctors } = doctorsIn(h, query.departmentId, query.doctorId)
    checkWindow(h, query.date)
    const { day, slots } = dayOf(h, doctors, query.date)
    return { hospitalId: h.id, departmentId: department.id, ...day, slots }
  })

  implement(scope, operation(operations, 'book'), ({ body }) => {
    const prior = byKey.get(body.idempotencyKey)
    if (prior) {
      if (prior.slotId !== body.slotId || prior.idNumber !== body.patient.idNumber) {
        throw fail(HOSPITAL_ERRORS, 'IDEMPOTENCY_CONFLICT', 'This idempotencyKey was used for another booking / 该幂等键已用于其他预约')
      }
      return appointments.get(prior.appointmentId)!.appointment
    }
    const { hospital, department, doctor, slot, date } = findSlot(body.slotId)
    checkWindow(hospital, date)
    if (now() < releaseAtOf(hospital, date)) {
      throw fail(HOSPITAL_ERRORS, 'NOT_RELEASED', `Numbers for ${date} open at ${isoCst(releaseAtOf(hospital, date))} / 号源尚未放出，请于 ${hospital.rules.releaseTime} 后再试`)
    }
    const startsAt = atCst(date, slot.start)
    if (startsAt <= now()) throw fail(HOSPITAL_ERRORS, 'SLOT_PASSED', 'This slot has already started / 该时段已过，请选择其他时段')
    for (const s of appointments.values()) {
      const a = s.appointment
      if (a.status === 'booked' && s.idNumber === body.patient.idNumber && a.doctorId === doctor.id && a.date === date) {
        throw fail(HOSPITAL_ERRORS, 'ALREADY_BOOKED', 'The patient already has a number with this doctor on this day / 该就诊人当天已预约该医生')
      }
    }
    if (remainingOf(slot) <= 0) throw fail(HOSPITAL_ERRORS, 'SLOT_FULL', 'No numbers left in this slot / 号源已满，请选择其他时段')

    active.set(slot.id, (active.get(slot.id) ?? 0) + 1)
    const queue = (issued.get(slot.id) ?? slot.prebooked) + 1
    issued.set(slot.id, queue)
    sequence += 1
    const appointment: AppointmentT = {
      id: `A${date.replace(/-/g, '')}${String(sequence).padStart(6, '0')}`,
      status: 'booked',
      hospitalId: hospital.id,
      hospitalName: hospital.name,
      departmentId: department.id,
      departmentName: department.name,
      doctorId: doctor.id,
      doctorName: doctor.name,
      doctorTitle: doctor.title,
      slotId: slot.id,
      date,
      start: slot.start,
      end: slot.end,
      feeFen: slot.feeFen,
      queueNo: queue,
      patient: { name: maskName(body.patient.name), idNumber: maskIdNumber(body.patient.idNumber) },
      cancelDeadline: isoCst(cancelDeadlineOf(hospital, date, slot.start)),
      createdAt: isoCst(now()),
    }
    appointments.set(appointment.id, { appointment, idNumber: body.patient.idNumber })
    byKey.set(body.idempotencyKey, { slotId: slot.id, idNumber: body.patient.idNumber, appointmentId: appointment.id })
    return appointment
  })

  implement(scope, operation(operations, 'cancel'), ({ params, body }) => {
    const stored = appointments.get(params.appointmentId)
    // Someone else's appointment looks exactly like a missing one.
    if (!stored || stored.idNumber !== body.idNumber) throw fail(HOSPITAL_ERRORS, 'APPOINTMENT_NOT_FOUND', 'No such appointment for this patient / 未找到该就诊人的预约')
    const a = stored.appointment
    if (a.status === 'cancelled') return { appointment: a }
    if (now() > Date.parse(a.cancelDeadline)) {
      throw fail(HOSPITAL_ERRORS, 'CANCEL_DEADLINE_PASSED', `Appointments can be cancelled until ${a.cancelDeadline} / 已超过可取消时间`)
    }
    stored.appointment = { ...a, status: 'cancelled', cancelledAt: isoCst(now()) }
    active.set(a.slotId, Math.max(0, (active.get(a.slotId) ?? 0) - 1))
    return { appointment: stored.appointment }
  })

  implement(scope, operation(operations, 'listAppointments'), ({ body }) => ({
    appointments: [...appointments.values()]
      .filter((s) => s.idNumber === body.idNumber)
      .map((s) => s.appointment)
      .sort((x, y) => `${y.date} ${y.start}`.localeCompare(`${x.date} ${x.start}`) || y.id.localeCompare(x.id)),
  }))

  implement(scope, operation(operations, 'getVisitCard'), ({ body }) => {
    const h = hospitalOf(body.hospitalId)
    const key = `${h.id}|${body.patient.idNumber}`
    let card = cards.get(key)
    if (!card) {
      card = { cardNo: `JZ${seeded('hospital-card', h.id, body.patient.idNumber).digits(10)}`, issuedAt: isoCst(now()) }
      cards.set(key, card)
    }
    const check = createHash('sha256').update(`${options.secret}|${card.cardNo}`).digest('base64url').slice(0, 12)
    return {
      cardNo: card.cardNo,
      hospitalId: h.id,
      hospitalName: h.name,
      patient: { name: maskName(body.patient.name), idNumber: maskIdNumber(body.patient.idNumber) },
      qrPayload: `OCVC1:${h.id}:${card.cardNo}:${check}`,
      issuedAt: card.issuedAt,
    }
  })
}

/** The hospital agency as a standalone app, its operations at the root. */
export function buildHospitalAgency(options: HospitalAgencyOptions): AgencyApp {
  return createAgencyApp(registerHospitalAgency, options)
}
