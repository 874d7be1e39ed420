import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { ClockTime, DateTime, Fen, IdNumber, IsoDate, Key, MaskedPersonSchema, PersonSchema, literals, strict } from '../../../src/api/common'
import { HOSPITAL_ERRORS } from './errors'

/** hospital@1: campuses and their booking rules, departments, doctors, schedules, booking (预约挂号), visit card. */
export const CONTRACT = 'hospital@1'

export const DOCTOR_TITLES = ['主任医师', '副主任医师', '主治医师', '住院医师'] as const
export const APPOINTMENT_STATUSES = ['booked', 'cancelled'] as const
/** What kind of day a date is in China's official calendar (调休 make-up workdays included). */
export const DAY_TYPES = ['workday', 'weekend', 'holiday', 'makeup-workday'] as const
export const SLOT_STATUSES = ['available', 'full', 'passed'] as const
/** Whether a date can be booked, and if not, why (the `reason` says it in words). */
export const DAY_STATUSES = ['bookable', 'full', 'passed', 'not-released', 'no-clinic', 'holiday-closed'] as const

const SlotId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{1,64}\\.[0-9]{4}-[0-9]{2}-[0-9]{2}\\.[0-9]{4}$', description: 'opaque slot id' })
const AppointmentId = () => Type.String({ pattern: '^A[0-9]{8}[0-9A-Z]{6,12}$', description: 'appointment number' })

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

export const HospitalParams = Type.Object({ hospitalId: Key() }, { ...strict, $id: 'hospital.HospitalParams' })

export const DepartmentList = Type.Object(
  {
    departments: Type.Array(
      Type.Object({ id: Key(), name: Type.String({ minLength: 1 }), category: Type.String({ description: '科室大类, e.g. 内科' }), intro: Type.String() }, strict),
    ),
  },
  { ...strict, $id: 'hospital.DepartmentList' },
)

export const DepartmentParams = Type.Object({ hospitalId: Key(), departmentId: Key() }, { ...strict, $id: 'hospital.DepartmentParams' })

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

export const ScheduleQuery = Type.Object(
  { date: IsoDate(), departmentId: Key(), doctorId: Type.Optional(Key({ description: 'only this doctor' })) },
  { ...strict, $id: 'hospital.ScheduleQuery' },
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

export const DatesQuery = Type.Object({ departmentId: Key(), doctorId: Type.Optional(Key({ description: 'only this doctor' })) }, { ...strict, $id: 'hospital.DatesQuery' })

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

export type HospitalT = Static<typeof HospitalList>['hospitals'][number]
export type DepartmentT = Static<typeof DepartmentList>['departments'][number]
export type DoctorT = Static<typeof DoctorList>['doctors'][number]
export type SlotT = Static<typeof Schedule>['slots'][number]
export type ScheduleT = Static<typeof Schedule>
export type DateListT = Static<typeof DateList>
export type BookingRulesT = Static<typeof BookingRules>
export type AppointmentT = Static<typeof Appointment>
