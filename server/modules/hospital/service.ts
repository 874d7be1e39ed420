import type { FastifyBaseLogger } from 'fastify'
import { cancelDeadlineOf } from '../../../src/domain/cancel-deadline'
import { formatChinaDateTime } from '../../../src/domain/china-time'
import { hospitalContract } from '../../contracts/hospital'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { readIdentity } from '../citizens/identity-service'
import { addRecord, setRecordStatus } from '../citizens/records-service'
import { agencyKeyFor } from '../gateway/agency-key'
import { notifyCaseChange } from '../messages/messages-service'
import { type AgencyDeps, agencyFor } from '../gateway/bound-agency'
import { PAYMENT_WINDOW_MS, type Payments } from '../payments/payment-service'
import type { PaymentRow } from '../payments/payment-service'
import type { PaymentT } from '../../../src/api/payments'
import {
  type AppointmentRow,
  type CancelReason,
  bookedWithoutPayment,
  findAppointment,
  findByKey,
  insertAppointment,
  listAppointments,
  markCancelled,
  needingSettlement,
  setOrder,
} from './appointments-repository'
import { type BookingAttemptRow, clearAttempt, recordAttempt, unfinishedAttempts } from './booking-attempts-repository'
import { findPatient, openPatient } from './patients-repository'
import type { AppointmentViewListT, AppointmentViewT } from '../../../src/api/hospital'

/** The hospital service `serviceId`, bound to hospital@1. */
export const hospitalAgency = (deps: AgencyDeps, serviceId: string, log: FastifyBaseLogger) => agencyFor(deps, serviceId, hospitalContract, log)

/** An answer of the hospital itself (4xx: SLOT_FULL, PATIENT_NOT_FOUND…), final, unlike a timeout or an unreachable hospital. */
const refusedByHospital = (err: unknown) => err instanceof HttpError && err.statusCode < 500

/** The instant a China date and HH:mm stand for. */
const chinaInstant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

export interface BookingRequest {
  citizenId: string
  serviceId: string
  slotId: string
  patientId: string
  idempotencyKey: string
  /** The citizen ticked that a booking past its cancel deadline cannot be cancelled. */
  noCancelAcknowledged?: boolean
  /** Where the slot is listed, to check its cancel deadline before booking. */
  where?: { hospitalId: string; departmentId: string; date: string }
}

/** A fee that cannot be taken back is collected only from a citizen who said they know (the confirm page's tick). */
function noCancelAckRequired(deadline: string): HttpError {
  return new HttpError(
    422,
    'NO_CANCEL_ACK_REQUIRED',
    `The cancel deadline ${deadline} has passed: book with noCancelAcknowledged / 该号源已过取消截止时间（${formatChinaDateTime(deadline)}），预约后不能取消：请勾选“我已知晓预约后不能取消”后再预约`,
  )
}

export interface Booked {
  appointment: AppointmentViewT
  payment: PaymentT | null
}

/**
 * 预约挂号 through a city's hospital service (hospital@1). The hospital owns
 * the numbers: it books them one at a time, so its answer decides who gets
 * the last one. The platform remembers the booking under the citizen's
 * idempotency key, collects the registration fee through the payment agency,
 * gives an unpaid number back when its payment expires, and refunds the fee
 * of a cancelled booking.
 */
export function createBookings(deps: CitizenDeps & { payments: Payments }) {
  const { db, box, payments } = deps
  const timeoutMs = deps.config.citizen.agencyTimeoutMs

  function view(row: AppointmentRow, payment: PaymentRow | undefined, now = Date.now()): AppointmentViewT {
    const d = row.details
    const status = row.status === 'cancelled' ? 'cancelled' : payment?.status === 'created' ? 'awaiting-payment' : 'booked'
    return {
      id: row.id,
      serviceId: row.service_id,
      appointmentNo: row.appointment_no,
      status,
      ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
      hospitalId: d.hospitalId,
      hospitalName: d.hospitalName,
      departmentName: d.departmentName,
      doctorName: d.doctorName,
      doctorTitle: d.doctorTitle,
      date: d.date,
      start: d.start,
      end: d.end,
      feeFen: d.feeFen,
      queueNo: d.queueNo,
      ...(row.patient_id ? { patientId: row.patient_id } : {}),
      patient: d.patient,
      visitCardNo: d.visitCardNo,
      cancelDeadline: d.cancelDeadline,
      cancellable: status !== 'cancelled' && now < Date.parse(d.cancelDeadline),
      upcoming: now < chinaInstant(d.date, d.end),
      orderId: row.order_id ?? '',
      ...(payment?.status === 'refunded' && payment.refunded_at ? { refund: { amountFen: Number(payment.amount_fen), refundedAt: new Date(payment.refunded_at).toISOString() } } : {}),
      createdAt: row.created_at.toISOString(),
      ...(row.cancelled_at ? { cancelledAt: row.cancelled_at.toISOString() } : {}),
    }
  }

  const paymentOf = async (row: AppointmentRow) => (row.order_id ? payments.find(row.order_id) : undefined)

  /** Opens (or finds) the fee's payment; a free clinic has none and is booked at once. */
  async function collectFee(row: AppointmentRow, log: FastifyBaseLogger): Promise<AppointmentRow> {
    const d = row.details
    // A general clinic is named after its department (心血管内科普通门诊): the department once is enough.
    const who = d.doctorName.includes(d.departmentName) ? d.doctorName : `${d.departmentName} ${d.doctorName}`
    const what = `预约挂号：${d.hospitalName} ${who}，${monthDay(d.date)} ${d.start}`
    if (d.feeFen === 0) {
      await addRecord(db, { citizenId: row.citizen_id, serviceId: row.service_id, what, status: 'done', amountFen: 0, ref: row.id })
      // A free number is booked at once; a fee-bearing one tells the citizen when its fee is paid (payments).
      await notifyCaseChange(deps, { ref: row.id, state: 'booked' })
      return row
    }
    const { payment } = await payments.open({ citizenId: row.citizen_id, serviceId: row.service_id, subject: { kind: 'appointment', id: row.id }, amountFen: d.feeFen, description: '预约挂号费', what }, log)
    return setOrder(db, row.id, payment.orderId)
  }

  /** The booking with its fee's payment as it is now (asking the payment agency about an unpaid one). */
  async function answer(row: AppointmentRow, log: FastifyBaseLogger): Promise<Booked> {
    const before = await paymentOf(row)
    const payment = before ? await payments.refresh(before, log) : null
    return { appointment: view(row, await paymentOf(row)), payment }
  }

  /** A booking whose fee is not being collected yet (the first request, or one interrupted before its payment) gets its payment now. */
  const withFee = (row: AppointmentRow, log: FastifyBaseLogger) => (row.order_id || row.details.feeFen === 0 ? row : collectFee(row, log))

  /** The patient's ID number, for the hospital to cancel; a removed patient has no upcoming bookings. */
  async function personOf(row: AppointmentRow) {
    const patient = row.patient_id ? await findPatient(db, row.citizen_id, row.patient_id) : undefined
    if (!patient) throw new HttpError(409, 'PATIENT_REMOVED', 'The patient of this appointment was removed / 该预约的就诊人已删除，请联系医院处理')
    return openPatient(box, patient)
  }

  async function cancelAtHospital(row: AppointmentRow, reason: CancelReason, log: FastifyBaseLogger): Promise<AppointmentRow> {
    const person = await personOf(row)
    const agency = await hospitalAgency(deps, row.service_id, log)
    let result
    try {
      result = await agency.call('cancel', { params: { appointmentId: row.appointment_no }, body: { idNumber: person.idNumber } })
    } catch (err) {
      if ((err as HttpError).code === 'CANCEL_DEADLINE_PASSED') {
        const deadline = formatChinaDateTime(row.details.cancelDeadline)
        throw new HttpError(422, 'CANCEL_DEADLINE_PASSED', `Appointments can be cancelled until ${row.details.cancelDeadline} / 已超过取消期限：该医院的预约须在 ${deadline} 前取消，如不能就诊请联系医院`)
      }
      throw err
    }
    const cancelled = await markCancelled(db, row.id, reason, { ...result.appointment, visitCardNo: row.details.visitCardNo })
    if (cancelled && row.order_id) await setRecordStatus(db, row.order_id, 'cancelled')
    return cancelled ?? row
  }

  /**
   * Brings a booking up to date: an expired unpaid one is given back to the
   * hospital; a cancelled one whose fee was paid (late, or its refund
   * failed earlier) is refunded now.
   */
  async function settle(row: AppointmentRow, log: FastifyBaseLogger): Promise<AppointmentRow> {
    let payment = await paymentOf(row)
    if (!payment) return row
    if (payment.status === 'created') {
      await payments.refresh(payment, log)
      payment = (await payments.find(payment.order_id))!
    }
    // Closed here or by the payment sweep: the fee can no longer be paid.
    if (payment.status === 'closed' && row.status === 'booked') row = await cancelAtHospital(row, 'unpaid', log)
    if (row.status === 'cancelled' && (payment.status === 'paid' || payment.status === 'done')) {
      await payments.refund(payment, row.cancel_reason === 'unpaid' ? '预约已失效' : '取消预约', log)
    }
    return row
  }

  /** The citizen's booking, or 404 APPOINTMENT_NOT_FOUND. */
  async function own(citizenId: string, appointmentId: string) {
    const row = await findAppointment(db, citizenId, appointmentId)
    if (!row) throw new HttpError(404, 'APPOINTMENT_NOT_FOUND', 'No such appointment / 未找到该预约')
    return row
  }

  /**
   * Books the slot at the hospital and stores the appointment. The attempt is
   * written first and cleared once stored (or refused), so a crash between
   * the hospital's answer and the appointments row leaves a trace the sweep
   * repairs by asking again with the same idempotency key (issue 16, finding 4).
   */
  /**
   * `fromCitizen`: a citizen's request, which must acknowledge a paid slot past its cancel deadline and may book
   * for `self` only while holding that identity; a repair re-sends a request already accepted.
   */
  async function bookAtHospital(req: BookingRequest, log: FastifyBaseLogger, fromCitizen = true): Promise<{ row: AppointmentRow; created: boolean }> {
    const patient = await findPatient(db, req.citizenId, req.patientId)
    if (!patient) throw new HttpError(404, 'PATIENT_NOT_FOUND', 'No such patient / 未找到该就诊人，请重新选择')
    const person = openPatient(box, patient)
    if (fromCitizen && patient.relation === 'self') {
      // After a face check moved the identity to another account, this account's 本人 is nobody it may book for.
      const identity = await readIdentity(db, box, req.citizenId)
      if (identity?.idNumber !== person.idNumber) throw new HttpError(403, 'IDENTITY_REQUIRED', 'Verify your real name first / 本人实名信息已变更，请先完成实名认证')
    }
    const agency = await hospitalAgency(deps, req.serviceId, log)
    const needsAck = fromCitizen && !req.noCancelAcknowledged
    if (needsAck && req.where) {
      // Before anything is booked: the slot as its schedule lists it, under its campus's cancel rule.
      const { hospitalId, departmentId, date } = req.where
      const [{ hospitals }, schedule] = await Promise.all([
        agency.call('listHospitals', {}),
        agency.call('getSchedule', { params: { hospitalId }, query: { date, departmentId } }),
      ])
      const campus = hospitals.find((h) => h.id === hospitalId)
      const slot = schedule.slots.find((s) => s.id === req.slotId)
      if (!campus || !slot) throw new HttpError(409, 'SLOT_NOT_FOUND', 'No such slot where the request says / 未找到该号源，请返回重新选择')
      const deadline = cancelDeadlineOf(campus.rules.cancelRule, date, slot.start)
      if (slot.feeFen > 0 && Date.now() >= deadline) throw noCancelAckRequired(new Date(deadline).toISOString())
    }
    await recordAttempt(db, { citizenId: req.citizenId, idemKey: req.idempotencyKey, serviceId: req.serviceId, slotId: req.slotId, patientId: patient.id })
    let appointment
    try {
      appointment = await agency.call('book', { body: { slotId: req.slotId, patient: person, idempotencyKey: agencyKeyFor(req.citizenId, req.idempotencyKey) } })
    } catch (err) {
      // The hospital's own refusal is final: it holds nothing, so there is nothing to repair.
      if (refusedByHospital(err)) await clearAttempt(db, req.citizenId, req.idempotencyKey)
      if ((err as HttpError).code === 'SLOT_FULL') throw new HttpError(409, 'SLOT_FULL', 'This slot is fully booked / 号源已满，请选择其他时段或医生')
      throw err
    }
    // A request that did not say where the slot is (an older app) is checked on the hospital's answer: nothing is
    // stored or charged now, the same key with the tick books the same number, and the attempt left behind lets
    // the booking sweep settle the held number if the citizen never comes back.
    if (needsAck && appointment.feeFen > 0 && Date.now() >= Date.parse(appointment.cancelDeadline)) {
      throw noCancelAckRequired(appointment.cancelDeadline)
    }
    const card = await agency.call('getVisitCard', { body: { hospitalId: appointment.hospitalId, patient: person } })
    const stored = await insertAppointment(db, {
      citizenId: req.citizenId,
      serviceId: req.serviceId,
      patientId: patient.id,
      idemKey: req.idempotencyKey,
      details: { ...appointment, visitCardNo: card.cardNo },
    })
    await clearAttempt(db, req.citizenId, req.idempotencyKey)
    return stored
  }

  /**
   * A booking a crash interrupted after the hospital was asked: asked again
   * with the same key (the hospital answers the number it booked), then its
   * fee is collected while it can still be paid, else the number goes back.
   */
  async function repairAttempt(a: BookingAttemptRow, log: FastifyBaseLogger): Promise<void> {
    const req = { citizenId: a.citizen_id, serviceId: a.service_id, slotId: a.slot_id, patientId: a.patient_id, idempotencyKey: a.idem_key }
    try {
      const { row } = await bookAtHospital(req, log, false)
      if (Date.now() - a.created_at.getTime() < PAYMENT_WINDOW_MS) await withFee(row, log)
      else await cancelAtHospital(row, 'unpaid', log)
    } catch (err) {
      // Refused now (the patient removed, the slot gone): nothing is held for it.
      if (refusedByHospital(err)) await clearAttempt(db, a.citizen_id, a.idem_key)
      throw err
    }
  }

  return {

    async book(req: BookingRequest, log: FastifyBaseLogger): Promise<Booked & { created: boolean }> {
      const existing = await findByKey(db, req.citizenId, req.idempotencyKey)
      if (existing && (existing.details.slotId !== req.slotId || existing.patient_id !== req.patientId)) {
        throw new HttpError(409, 'IDEMPOTENCY_CONFLICT', 'This idempotencyKey was used for another booking / 该预约请求已用于其他号源或就诊人，请返回重新选择')
      }
      if (existing) return { ...(await answer(await withFee(existing, log), log)), created: false }
      const { row, created } = await bookAtHospital(req, log)
      return { ...(await answer(await withFee(row, log), log)), created }
    },

    /** 我的预约: every booking, newest first; a payment agency that does not answer must not hide the list (those rows show as stored). */
    async myAppointments(citizenId: string, log: FastifyBaseLogger): Promise<AppointmentViewListT> {
      const rows = await listAppointments(db, citizenId)
      const settled = await Promise.all(rows.map((row) => answer(row, log).catch(() => undefined)))
      return { appointments: rows.map((row, i) => settled[i]?.appointment ?? view(row, undefined)) }
    },

    /** One of the citizen's bookings with its fee's payment, an expired unpaid one released first. */
    async myAppointment(citizenId: string, appointmentId: string, log: FastifyBaseLogger): Promise<Booked> {
      return answer(await settle(await own(citizenId, appointmentId), log), log)
    },

    /** Cancels one of the citizen's bookings within the hospital's rule: the number goes back and a paid fee is refunded. */
    async cancel(citizenId: string, appointmentId: string, log: FastifyBaseLogger): Promise<Booked> {
      let row = await settle(await own(citizenId, appointmentId), log)
      if (row.status === 'booked') row = await settle(await cancelAtHospital(row, 'citizen', log), log)
      return answer(row, log)
    },

    /**
     * Gives expired unpaid numbers back to their hospitals, refunds cancelled
     * paid fees, and repairs what a crash left half done: a booking the
     * hospital made that was never stored, and a fee-bearing booking without
     * its payment; each gets its payment (and 办事记录 line) while the fee can
     * still be paid, else the number goes back (run on a timer).
     */
    async sweep(log: FastifyBaseLogger): Promise<void> {
      const attempt = async (row: AppointmentRow, work: (row: AppointmentRow) => Promise<unknown>) => {
        try {
          await work(row)
        } catch (err) {
          log.warn({ appointment: row.id, code: (err as HttpError).code }, 'could not settle a booking; retried on the next sweep')
        }
      }
      for (const a of await unfinishedAttempts(db, 2 * timeoutMs)) {
        try {
          await repairAttempt(a, log)
        } catch (err) {
          log.warn({ code: (err as HttpError).code }, 'could not repair an interrupted booking; retried on the next sweep')
        }
      }
      for (const row of await needingSettlement(db)) await attempt(row, (r) => settle(r, log))
      // Twice an agency call's timeout: a booking request still opening the payment is left to do it.
      for (const row of await bookedWithoutPayment(db, 2 * timeoutMs)) {
        const payable = Date.now() - row.created_at.getTime() < PAYMENT_WINDOW_MS
        await attempt(row, async (r) => (payable ? withFee(r, log) : cancelAtHospital(r, 'unpaid', log)))
      }
    },
  }
}

export type Bookings = ReturnType<typeof createBookings>
