import type { AppointmentAnswerT, AppointmentViewT, DatesT, DayScheduleT, PatientListT, PatientT } from '../../src/api/hospital'
import type { Department, Doctor, Hospital } from '../../src/services/hospital-api'
import { payment } from './traffic-fixtures'

/** Answers of the hospital API as the server sends them (PII masked), for the page tests. */
export const SERVICE = 'deyang-hospital'

export const HOSPITAL: Hospital = {
  id: 'dy-people-1',
  name: '德阳市人民医院（本部）',
  level: '三级甲等',
  address: '四川省德阳市旌阳区泰山北路一段173号',
  phone: '0838-2418888',
  rules: { windowDays: 7, releaseTime: '08:00', cancelRule: { daysBefore: 1, at: '17:00' }, holidayClinics: false },
}

export const DEPARTMENTS: Department[] = [
  { id: 'cardiology', name: '心血管内科', category: '内科', intro: '高血压、冠心病、心律失常' },
  { id: 'orthopedics', name: '骨科', category: '外科', intro: '骨折、关节置换' },
  { id: 'gastro', name: '消化内科', category: '内科', intro: '胃炎、消化性溃疡' },
]

export const DOCTORS: Doctor[] = [
  { id: 'cardiology-0', name: '心血管内科普通门诊', title: '主治医师', specialty: '高血压、冠心病、心律失常', feeFen: 1500 },
  { id: 'cardiology-1', name: '王建国', title: '主任医师', specialty: '冠心病介入治疗', feeFen: 5000 },
]

export const SELF: PatientT = { id: '00000000-0000-4000-8000-00000000000a', name: '*伟', idNumber: '5****************8', relation: 'self', createdAt: '2026-11-01T02:00:00.000Z' }
export const CHILD: PatientT = { id: '00000000-0000-4000-8000-00000000000b', name: '*明', idNumber: '5****************2', relation: 'child', createdAt: '2026-11-02T02:00:00.000Z' }
export const PATIENTS: PatientListT = { patients: [SELF, CHILD], max: 5 }

/** 07:30 on Friday 20 November 2026 in China (still the 19th in UTC), before the day's 08:00 release. */
export const NOW = new Date('2026-11-19T23:30:00Z')

type Day = DatesT['dates'][number]
const day = (date: string, overrides: Partial<Day> = {}): Day => ({
  date,
  dayType: 'workday',
  released: true,
  releaseAt: '2026-11-14T00:00:00.000Z',
  remaining: 20,
  status: 'bookable',
  bookable: true,
  ...overrides,
})

/** A window with every kind of day: full today, bookable, weekend off, a holiday, a make-up workday, not yet released. */
export const DATES: DatesT = {
  hospitalId: HOSPITAL.id,
  departmentId: 'cardiology',
  dates: [
    day('2026-11-20', { remaining: 0, status: 'full', bookable: false, reason: '号源已约满' }),
    day('2026-11-21', { dayType: 'weekend', remaining: 0, status: 'no-clinic', bookable: false, reason: '当日无门诊' }),
    day('2026-11-22', { dayType: 'makeup-workday', holidayName: '国庆节', remaining: 14 }),
    day('2026-11-23', { remaining: 9 }),
    day('2026-11-24', { dayType: 'holiday', holidayName: '国庆节', remaining: 0, status: 'holiday-closed', bookable: false, reason: '国庆节假期门诊停诊' }),
    day('2026-11-25', { remaining: 6 }),
    day('2026-11-26', { released: false, releaseAt: '2026-11-20T00:00:00.000Z', remaining: 0, status: 'not-released', bookable: false, reason: '11月20日 08:00 放号' }),
  ],
}

type Slot = DayScheduleT['slots'][number]
export const slot = (doctor: Doctor, date: string, start: string, overrides: Partial<Slot> = {}): Slot => ({
  id: `${HOSPITAL.id}.${doctor.id}.${date}.${start.replace(':', '')}`,
  doctorId: doctor.id,
  doctorName: doctor.name,
  doctorTitle: doctor.title,
  start,
  end: `${start.slice(0, 3)}30`,
  capacity: 10,
  remaining: 3,
  status: 'available',
  feeFen: doctor.feeFen,
  ...overrides,
})

export function schedule(date: string, slots: Slot[]): DayScheduleT {
  const { dates: _all, ...ids } = DATES
  const { remaining: _r, bookable: _b, ...fields } = DATES.dates.find((d) => d.date === date) ?? day(date)
  return { ...ids, ...fields, slots }
}

export const CHOSEN_SLOT = slot(DOCTORS[1]!, '2026-11-22', '09:00')

export function appointment(overrides: Partial<AppointmentViewT> = {}): AppointmentViewT {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    serviceId: SERVICE,
    appointmentNo: 'A20261122ABC123',
    status: 'booked',
    hospitalId: HOSPITAL.id,
    hospitalName: HOSPITAL.name,
    departmentName: '心血管内科',
    doctorName: '王建国',
    doctorTitle: '主任医师',
    date: '2026-11-22',
    start: '09:00',
    end: '09:30',
    feeFen: 5000,
    queueNo: 3,
    patientId: SELF.id,
    patient: { name: SELF.name, idNumber: SELF.idNumber },
    visitCardNo: 'JZ0000012345',
    cancelDeadline: '2026-11-21T09:00:00.000Z',
    cancellable: true,
    upcoming: true,
    orderId: 'ord_0001',
    createdAt: '2026-11-20T01:05:00.000Z',
    ...overrides,
  }
}

export function answer(overrides: Partial<AppointmentViewT> = {}, paymentStatus: 'created' | 'paid' | 'done' | 'refunded' | null = 'paid'): AppointmentAnswerT {
  const a = appointment(overrides)
  return {
    appointment: a,
    payment: paymentStatus ? payment({ serviceId: SERVICE, description: '挂号费', amountFen: a.feeFen, status: paymentStatus }) : null,
  }
}
