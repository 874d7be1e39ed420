import { type Static, Type } from 'typebox'
import { strict, literals, DateTime, IsoDate, ClockTime, Fen, Key, MaskedIdNumber, MaskedName } from './common'
import type { PaymentT } from './payments'

/**
 * 预约挂号 as the app sees it: the hospital's answers (hospital@1) passed
 * through, the citizen's 就诊人 (masked), and the platform's own appointment
 * record joined with its registration-fee payment.
 */

// The hospital's answers (hospital@1) that the app sees as they are: the
// contract's operations (server/contracts/hospital) answer these very schemas.

export const DOCTOR_TITLES = ['主任医师', '副主任医师', '主治医师', '住院医师'] as const
/** What kind of day a date is in China's official calendar (调休 make-up workdays included). */
export const DAY_TYPES = ['workday', 'weekend', 'holiday', 'makeup-workday'] as const
export const SLOT_STATUSES = ['available', 'full', 'passed'] as const
/** Whether a date can be booked, and if not, why (the `reason` says it in words). */
export const DAY_STATUSES = ['bookable', 'full', 'passed', 'not-released', 'no-clinic', 'holiday-closed'] as const

/** A slot's id: opaque to the platform and the app, which pass it back to book. */
export const SlotId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{1,64}\\.[0-9]{4}-[0-9]{2}-[0-9]{2}\\.[0-9]{4}$', description: 'opaque slot id' })

export const BookingRules = Type.Object(
  {
    windowDays: Type.Integer({ minimum: 1, maximum: 90, description: 'dates from today to today + windowDays − 1 can be booked' }),
    releaseTime: ClockTime({ description: 'time of day (China time) when the farthest date of the window opens, e.g. 08:00' }),
    cancelRule: Type.Union(
      [
        Type.Object({ hoursBefore: Type.Integer({ minimum: 0, maximum: 168 }) }, { ...strict, description: 'until this many hours before the slot starts' }),
        Type.Object(
          { daysBefore: Type.Integer({ minimum: 1, maximum: 7 }), at: ClockTime() },
          { ...strict, description: 'until this time of day (China time), this many days before the visit, e.g. 17:00 the day before' },
        ),
      ],
      { description: 'until when an appointment can be cancelled (and its fee refunded)' },
    ),
    holidayClinics: Type.Boolean({ description: 'whether outpatient clinics open on public holidays; make-up workdays (调休) always run the weekday timetable' }),
  },
  strict,
)

export const HospitalList = Type.Object(
  {
    hospitals: Type.Array(
      Type.Object(
        {
          id: Key({ description: 'campus id' }),
          name: Type.String({ minLength: 1 }),
          level: Type.String({ description: '医院等级, e.g. 三级甲等' }),
          address: Type.String({ minLength: 1 }),
          phone: Type.String({ pattern: '^[0-9]{3,4}-[0-9]{7,8}$', description: 'switchboard, e.g. 0838-2418888' }),
          rules: BookingRules,
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'hospital.HospitalList' },
)

export const DepartmentList = Type.Object(
  {
    departments: Type.Array(
      Type.Object({ id: Key(), name: Type.String({ minLength: 1 }), category: Type.String({ description: '科室大类, e.g. 内科' }), intro: Type.String() }, strict),
    ),
  },
  { ...strict, $id: 'hospital.DepartmentList' },
)

export const DoctorList = Type.Object(
  {
    doctors: Type.Array(
      Type.Object(
        {
          id: Key(),
          name: Type.String({ minLength: 1 }),
          title: literals(DOCTOR_TITLES),
          specialty: Type.String({ description: '擅长' }),
          feeFen: Fen({ description: 'registration fee (挂号费)' }),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'hospital.DoctorList' },
)

const dayFields = {
  date: IsoDate(),
  dayType: literals(DAY_TYPES),
  holidayName: Type.Optional(Type.String({ description: 'e.g. 国庆节, on holidays and make-up workdays' })),
  released: Type.Boolean({ description: 'false before the release time of the window’s farthest date: no slots yet' }),
  releaseAt: DateTime({ description: 'when this date’s numbers open(ed)' }),
  status: literals(DAY_STATUSES, { description: 'bookable, or why not: every slot full or started, numbers not released yet, no clinic that day, closed for a public holiday' }),
  reason: Type.Optional(Type.String({ description: 'why nothing can be booked on this date (Chinese, shown to citizens), e.g. 国庆节假期门诊停诊' })),
}

export const DateList = Type.Object(
  {
    hospitalId: Key(),
    departmentId: Key(),
    dates: Type.Array(
      Type.Object(
        { ...dayFields, remaining: Type.Integer({ minimum: 0, description: 'numbers still bookable that day' }), bookable: Type.Boolean({ description: "status is 'bookable'" }) },
        { ...strict, description: 'every date of the booking window, today first' },
      ),
    ),
  },
  { ...strict, $id: 'hospital.DateList' },
)

export const Schedule = Type.Object(
  {
    hospitalId: Key(),
    departmentId: Key(),
    ...dayFields,
    slots: Type.Array(
      Type.Object(
        {
          id: SlotId(),
          doctorId: Key(),
          doctorName: Type.String(),
          doctorTitle: literals(DOCTOR_TITLES),
          start: ClockTime(),
          end: ClockTime(),
          capacity: Type.Integer({ minimum: 1 }),
          remaining: Type.Integer({ minimum: 0 }),
          status: literals(SLOT_STATUSES, { description: 'passed once the slot has started' }),
          feeFen: Fen(),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'hospital.Schedule' },
)

export type HospitalT = Static<typeof HospitalList>['hospitals'][number]
export type DepartmentT = Static<typeof DepartmentList>['departments'][number]
export type DoctorT = Static<typeof DoctorList>['doctors'][number]
export type SlotT = Static<typeof Schedule>['slots'][number]
export type ScheduleT = Static<typeof Schedule>
export type DateListT = Static<typeof DateList>
export type BookingRulesT = Static<typeof BookingRules>

// What the platform's routes take and answer.
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
    noCancelAcknowledged: Type.Optional(
      Type.Boolean({ description: 'the citizen ticked 我已知晓预约后不能取消: required (else 422 NO_CANCEL_ACK_REQUIRED) when the slot has a fee and its cancel deadline has passed' }),
    ),
    where: Type.Optional(
      Type.Object(
        { hospitalId: Key(), departmentId: Key(), date: IsoDate() },
        { ...strict, description: 'where the slot is listed (its schedule), so the cancel deadline is checked before anything is booked; without it, on the hospital’s answer before the fee is collected' },
      ),
    ),
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
