import { type Static, Type } from 'typebox'
import { ClockTime, DateTime, Fen, IsoDate, Key, MaskedIdNumber, MaskedName, literals, strict } from './common'
import { DOCTOR_TITLES, DateList, DepartmentList, DoctorList, HospitalList, Schedule } from '../../server/contracts/hospital'
import type { PaymentT } from './payments'

/**
 * 预约挂号 as the app sees it: the hospital's answers (hospital@1) passed
 * through, the citizen's 就诊人 (masked), and the platform's own appointment
 * record joined with its registration-fee payment.
 */

const ServiceId = () => Type.String({ pattern: '^[a-z0-9-]{1,64}$' })
const Uuid = (o: { description?: string } = {}) => Type.String({ pattern: '^[0-9a-f-]{36}$', ...o })

export const PATIENT_RELATIONS = ['self', 'spouse', 'child', 'parent', 'other'] as const
export type PatientRelation = (typeof PATIENT_RELATIONS)[number]
/** Most family accounts in real hospital apps allow five 就诊人. */
export const MAX_PATIENTS = 5

export const Patient = Type.Object(
  { id: Uuid(), name: MaskedName(), idNumber: MaskedIdNumber(), relation: literals(PATIENT_RELATIONS), createdAt: DateTime() },
  { ...strict, $id: 'Patient', description: 'a real-name 就诊人, masked; the verified citizen is always one (relation self)' },
)
export const PatientList = Type.Object({ patients: Type.Array(Type.Ref('Patient')), max: Type.Integer() }, strict)
export const PatientRequest = Type.Object(
  { name: Type.String({ maxLength: 40 }), idNumber: Type.String({ maxLength: 40 }), relation: Type.String({ maxLength: 16 }) },
  { ...strict, description: 'checked like 实名认证 (GB 11643, then the identity agency); relation is one of spouse, child, parent, other' },
)
export const PatientAnswer = Type.Object({ patient: Type.Ref('Patient') }, strict)
export const PatientParams = Type.Object({ patientId: Uuid() }, strict)

export const ServiceParams = Type.Object({ serviceId: ServiceId() }, strict)
export const HospitalPathParams = Type.Object({ serviceId: ServiceId(), hospitalId: Key() }, strict)
export const DepartmentPathParams = Type.Object({ serviceId: ServiceId(), hospitalId: Key(), departmentId: Key() }, strict)
export const DatesQuery = Type.Object({ departmentId: Key(), doctorId: Type.Optional(Key()) }, strict)
export const ScheduleQuery = Type.Object({ date: IsoDate(), departmentId: Key(), doctorId: Type.Optional(Key()) }, strict)
export const VisitCardQuery = Type.Object({ patientId: Uuid() }, strict)

// The hospital's answers, as they are (copies without $id: the contract schemas keep theirs).
export const Hospitals = Type.Object(HospitalList.properties, strict)
export const Departments = Type.Object(DepartmentList.properties, strict)
export const Doctors = Type.Object(DoctorList.properties, strict)
export const Dates = Type.Object(DateList.properties, strict)
export const DaySchedule = Type.Object(Schedule.properties, strict)

export const BookingRequest = Type.Object(
  {
    slotId: Type.String({ minLength: 1, maxLength: 160 }),
    patientId: Uuid(),
    idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'one per booking attempt: sending it again (a double tap, a retry after a timeout) answers the same appointment' }),
  },
  strict,
)

export const APPOINTMENT_VIEW_STATUSES = ['awaiting-payment', 'booked', 'cancelled'] as const
export const CANCEL_REASONS = ['citizen', 'unpaid'] as const

export const AppointmentView = Type.Object(
  {
    id: Uuid(),
    serviceId: ServiceId(),
    appointmentNo: Type.String({ description: "the hospital's appointment number" }),
    status: literals(APPOINTMENT_VIEW_STATUSES, { description: 'awaiting-payment until the registration fee is paid; the number is held until the payment expires' }),
    cancelReason: Type.Optional(literals(CANCEL_REASONS, { description: 'citizen: cancelled by the citizen; unpaid: the fee was not paid in time' })),
    hospitalId: Key(),
    hospitalName: Type.String(),
    departmentName: Type.String(),
    doctorName: Type.String(),
    doctorTitle: literals(DOCTOR_TITLES),
    date: IsoDate(),
    start: ClockTime(),
    end: ClockTime(),
    feeFen: Fen(),
    queueNo: Type.Integer({ minimum: 1, description: '就诊序号' }),
    patientId: Type.Optional(Uuid({ description: 'absent once the family patient was removed (past appointments only)' })),
    patient: Type.Object({ name: MaskedName(), idNumber: MaskedIdNumber() }, strict),
    visitCardNo: Type.String({ description: '就诊卡号, issued by the hospital on the first booking' }),
    cancelDeadline: DateTime(),
    cancellable: Type.Boolean({ description: 'not cancelled, and before the cancel deadline' }),
    upcoming: Type.Boolean({ description: 'the slot has not ended yet' }),
    orderId: Type.String(),
    refund: Type.Optional(Type.Object({ amountFen: Fen(), refundedAt: DateTime() }, strict)),
    createdAt: DateTime(),
    cancelledAt: Type.Optional(DateTime()),
  },
  { ...strict, $id: 'AppointmentView' },
)
export const AppointmentAnswer = Type.Object(
  { appointment: Type.Ref('AppointmentView'), payment: Type.Union([Type.Ref('Payment'), Type.Null()]) },
  strict,
)
export const AppointmentViewList = Type.Object({ appointments: Type.Array(Type.Ref('AppointmentView')) }, strict)
export const AppointmentParams = Type.Object({ appointmentId: Uuid() }, strict)

export const VisitCardView = Type.Object(
  { cardNo: Type.String(), hospitalId: Key(), hospitalName: Type.String(), patient: Type.Object({ name: MaskedName(), idNumber: MaskedIdNumber() }, strict), qrPayload: Type.String(), issuedAt: DateTime() },
  strict,
)

// Written out where Static does not follow Type.Ref.
export type PatientT = Static<typeof Patient>
export type PatientListT = { patients: PatientT[]; max: number }
export type HospitalsT = Static<typeof Hospitals>
export type DepartmentsT = Static<typeof Departments>
export type DoctorsT = Static<typeof Doctors>
export type DatesT = Static<typeof Dates>
export type DayScheduleT = Static<typeof DaySchedule>
export type AppointmentViewT = Static<typeof AppointmentView>
export type AppointmentAnswerT = { appointment: AppointmentViewT; payment: PaymentT | null }
export type AppointmentViewListT = { appointments: AppointmentViewT[] }
export type VisitCardViewT = Static<typeof VisitCardView>
