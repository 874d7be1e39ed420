import type {
  AppointmentAnswerT,
  AppointmentViewListT,
  AppointmentViewT,
  DatesT,
  DayScheduleT,
  DepartmentsT,
  DoctorsT,
  HospitalsT,
  VisitCardViewT,
} from '../api/hospital'
import { authedRequest } from './session'

const base = (serviceId: string) => `/v1/services/${encodeURIComponent(serviceId)}`
const hospitalPath = (serviceId: string, hospitalId: string) => `${base(serviceId)}/hospitals/${encodeURIComponent(hospitalId)}`
const departmentPath = (serviceId: string, hospitalId: string, departmentId: string) =>
  `${hospitalPath(serviceId, hospitalId)}/departments/${encodeURIComponent(departmentId)}`
const appointmentPath = (appointmentId: string) => `/v1/me/appointments/${encodeURIComponent(appointmentId)}`

export type Hospital = HospitalsT['hospitals'][number]
export type Department = DepartmentsT['departments'][number]
export type Doctor = DoctorsT['doctors'][number]

/** What the date strip and the schedule are for: a department, or one of its doctors. */
export interface ScheduleScope {
  departmentId: string
  doctorId?: string
}

/** The campuses of a hospital service, each with its booking rules. */
export async function listHospitals(serviceId: string): Promise<Hospital[]> {
  const body = await authedRequest<HospitalsT>(`${base(serviceId)}/hospitals`)
  return body.hospitals
}

export async function listDepartments(serviceId: string, hospitalId: string): Promise<Department[]> {
  const body = await authedRequest<DepartmentsT>(`${hospitalPath(serviceId, hospitalId)}/departments`)
  return body.departments
}

/** A department's doctors; the first one is its 普通门诊 (general clinic). */
export async function listDoctors(serviceId: string, hospitalId: string, departmentId: string): Promise<Doctor[]> {
  const body = await authedRequest<DoctorsT>(`${departmentPath(serviceId, hospitalId, departmentId)}/doctors`)
  return body.doctors
}

/** Every date of the booking window (today first): kind of day, release, remaining numbers, why not bookable. */
export function getBookingDates(serviceId: string, hospitalId: string, scope: ScheduleScope): Promise<DatesT> {
  return authedRequest<DatesT>(`${hospitalPath(serviceId, hospitalId)}/dates`, { query: { departmentId: scope.departmentId, doctorId: scope.doctorId } })
}

/** The slots of a department (or one doctor) on a date, with remaining numbers. */
export function getDaySchedule(serviceId: string, hospitalId: string, date: string, scope: ScheduleScope): Promise<DayScheduleT> {
  return authedRequest<DayScheduleT>(`${hospitalPath(serviceId, hospitalId)}/schedule`, {
    query: { date, departmentId: scope.departmentId, doctorId: scope.doctorId },
  })
}

/** A 就诊人's visit card (就诊卡) at a campus, issued by the hospital on first request. */
export function getVisitCard(serviceId: string, hospitalId: string, patientId: string): Promise<VisitCardViewT> {
  return authedRequest<VisitCardViewT>(`${hospitalPath(serviceId, hospitalId)}/visit-card`, { query: { patientId } })
}

export interface BookingRequest {
  slotId: string
  patientId: string
  /** One per confirm screen (and patient): sent again, it answers the same appointment instead of a second one. */
  idempotencyKey: string
  /** The citizen ticked 我已知晓预约后不能取消 (required past the cancel deadline when there is a fee). */
  noCancelAcknowledged?: boolean
  /** Where the slot is listed, so the platform checks the cancel deadline before booking. */
  where?: { hospitalId: string; departmentId: string; date: string }
}

/** Books a slot for a 就诊人; answers the appointment and the registration fee's payment (null when there is no fee). */
export function bookAppointment(serviceId: string, booking: BookingRequest): Promise<AppointmentAnswerT> {
  return authedRequest<AppointmentAnswerT>(`${base(serviceId)}/appointments`, { method: 'POST', data: booking })
}

/** 我的预约, newest first. */
export async function listAppointments(): Promise<AppointmentViewT[]> {
  const body = await authedRequest<AppointmentViewListT>('/v1/me/appointments')
  return body.appointments
}

export function getAppointment(appointmentId: string): Promise<AppointmentAnswerT> {
  return authedRequest<AppointmentAnswerT>(appointmentPath(appointmentId))
}

/** Cancels within the hospital's rule; a paid fee is refunded (appointment.refund). */
export function cancelAppointment(appointmentId: string): Promise<AppointmentAnswerT> {
  return authedRequest<AppointmentAnswerT>(`${appointmentPath(appointmentId)}/cancel`, { method: 'POST', data: {} })
}
