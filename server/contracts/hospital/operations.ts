import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { strict, literals, DateTime, IsoDate, ClockTime, Fen, Key, IdNumber, PersonSchema, MaskedPersonSchema } from '../../../src/api/common'
import { HOSPITAL_ERRORS } from './errors'
import { DOCTOR_TITLES, SlotId, HospitalList, DepartmentList, DoctorList, DateList, Schedule } from '../../../src/api/hospital'

/** hospital@1: campuses and their booking rules, departments, doctors, schedules, booking (预约挂号), visit card. */
export const CONTRACT = 'hospital@1'

export const APPOINTMENT_STATUSES = ['booked', 'cancelled'] as const

const AppointmentId = () => Type.String({ pattern: '^A[0-9]{8}[0-9A-Z]{6,12}$', description: 'appointment number' })

export const HospitalParams = Type.Object({ hospitalId: Key() }, { ...strict, $id: 'hospital.HospitalParams' })

export const DepartmentParams = Type.Object({ hospitalId: Key(), departmentId: Key() }, { ...strict, $id: 'hospital.DepartmentParams' })

export const ScheduleQuery = Type.Object(
  { date: IsoDate(), departmentId: Key(), doctorId: Type.Optional(Key({ description: 'only this doctor' })) },
  { ...strict, $id: 'hospital.ScheduleQuery' },
)

export const DatesQuery = Type.Object({ departmentId: Key(), doctorId: Type.Optional(Key({ description: 'only this doctor' })) }, { ...strict, $id: 'hospital.DatesQuery' })

export const BookRequest = Type.Object(
  {
    slotId: SlotId(),
    patient: PersonSchema(),
    idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'the same key always gets the same appointment' }),
  },
  { ...strict, $id: 'hospital.BookRequest' },
)

// Nested copies carry no $id: one Ajv instance refuses two schemas with the same $id.
const appointmentSchema = (options: { $id?: string } = {}) =>
  Type.Object(
    {
      id: AppointmentId(),
      status: literals(APPOINTMENT_STATUSES),
      hospitalId: Key(),
      hospitalName: Type.String(),
      departmentId: Key(),
      departmentName: Type.String(),
      doctorId: Key(),
      doctorName: Type.String(),
      doctorTitle: literals(DOCTOR_TITLES),
      slotId: SlotId(),
      date: IsoDate(),
      start: ClockTime(),
      end: ClockTime(),
      feeFen: Fen(),
      queueNo: Type.Integer({ minimum: 1, description: '就诊序号' }),
      patient: MaskedPersonSchema(),
      cancelDeadline: DateTime({ description: 'cancel before this instant' }),
      createdAt: DateTime(),
      cancelledAt: Type.Optional(DateTime()),
    },
    { ...strict, ...options },
  )

export const Appointment = appointmentSchema({ $id: 'hospital.Appointment' })

export const AppointmentParams = Type.Object({ appointmentId: AppointmentId() }, { ...strict, $id: 'hospital.AppointmentParams' })

export const CancelRequest = Type.Object(
  { idNumber: IdNumber({ description: 'the patient’s ID number: only the patient (through the platform) can cancel' }) },
  { ...strict, $id: 'hospital.CancelRequest' },
)

export const CancelResult = Type.Object({ appointment: appointmentSchema() }, { ...strict, $id: 'hospital.CancelResult' })

export const AppointmentQuery = Type.Object({ idNumber: IdNumber() }, { ...strict, $id: 'hospital.AppointmentQuery' })

export const AppointmentList = Type.Object({ appointments: Type.Array(appointmentSchema()) }, { ...strict, $id: 'hospital.AppointmentList' })

export const VisitCardRequest = Type.Object({ hospitalId: Key(), patient: PersonSchema() }, { ...strict, $id: 'hospital.VisitCardRequest' })

export const VisitCard = Type.Object(
  {
    cardNo: Type.String({ pattern: '^JZ[0-9]{10}$', description: '就诊卡号' }),
    hospitalId: Key(),
    hospitalName: Type.String(),
    patient: MaskedPersonSchema(),
    qrPayload: Type.String({ minLength: 16, description: 'text of the QR code shown at the hospital' }),
    issuedAt: DateTime(),
  },
  { ...strict, $id: 'hospital.VisitCard' },
)

export const operations = defineOperations(HOSPITAL_ERRORS, [
  { name: 'listHospitals', summary: 'Campuses with their booking rules', method: 'GET', path: '/v1/hospitals', kind: 'call', response: HospitalList, errors: [] },
  {
    name: 'listDepartments',
    summary: 'Departments of a campus',
    method: 'GET',
    path: '/v1/hospitals/:hospitalId/departments',
    kind: 'call',
    params: HospitalParams,
    response: DepartmentList,
    errors: ['HOSPITAL_NOT_FOUND'],
  },
  {
    name: 'listDoctors',
    summary: 'Doctors of a department',
    method: 'GET',
    path: '/v1/hospitals/:hospitalId/departments/:departmentId/doctors',
    kind: 'call',
    params: DepartmentParams,
    response: DoctorList,
    errors: ['HOSPITAL_NOT_FOUND', 'DEPARTMENT_NOT_FOUND'],
  },
  {
    name: 'listDates',
    summary: 'Every date of the booking window for a department (or one doctor): day type, release, remaining numbers, why not bookable',
    method: 'GET',
    path: '/v1/hospitals/:hospitalId/dates',
    kind: 'call',
    params: HospitalParams,
    query: DatesQuery,
    response: DateList,
    errors: ['HOSPITAL_NOT_FOUND', 'DEPARTMENT_NOT_FOUND', 'DOCTOR_NOT_FOUND'],
  },
  {
    name: 'getSchedule',
    summary: 'Slots of a department (or one doctor) on a date, with capacity and remaining numbers',
    method: 'GET',
    path: '/v1/hospitals/:hospitalId/schedule',
    kind: 'call',
    params: HospitalParams,
    query: ScheduleQuery,
    response: Schedule,
    errors: ['HOSPITAL_NOT_FOUND', 'DEPARTMENT_NOT_FOUND', 'DOCTOR_NOT_FOUND', 'DATE_OUTSIDE_WINDOW'],
  },
  {
    name: 'book',
    summary: 'Book a slot for a patient; idempotent by idempotencyKey; never more bookings than capacity',
    method: 'POST',
    path: '/v1/appointments',
    kind: 'call',
    body: BookRequest,
    response: Appointment,
    errors: ['SLOT_NOT_FOUND', 'DATE_OUTSIDE_WINDOW', 'NOT_RELEASED', 'SLOT_PASSED', 'SLOT_FULL', 'ALREADY_BOOKED', 'IDEMPOTENCY_CONFLICT'],
  },
  {
    name: 'cancel',
    summary: 'Cancel an appointment within the hospital’s rule (cancelling twice answers the cancelled appointment)',
    method: 'POST',
    path: '/v1/appointments/:appointmentId/cancel',
    kind: 'call',
    params: AppointmentParams,
    body: CancelRequest,
    response: CancelResult,
    errors: ['APPOINTMENT_NOT_FOUND', 'CANCEL_DEADLINE_PASSED'],
  },
  {
    name: 'listAppointments',
    summary: 'Appointments of a patient, newest first',
    method: 'POST',
    path: '/v1/appointments/query',
    kind: 'call',
    body: AppointmentQuery,
    response: AppointmentList,
    errors: [],
  },
  {
    name: 'getVisitCard',
    summary: 'The patient’s visit card (就诊卡) at a campus, issued on first request',
    method: 'POST',
    path: '/v1/visit-cards',
    kind: 'call',
    body: VisitCardRequest,
    response: VisitCard,
    errors: ['HOSPITAL_NOT_FOUND'],
  },
] as const)

export type AppointmentT = Static<typeof Appointment>
