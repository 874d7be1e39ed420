import type { DepartmentT, DoctorT, SlotT } from '../../src/api/hospital'
import { seeded } from '../shared/seeded'
import { weekday } from '../shared/china-time'
import type { Campus } from './campuses'
import { dayKind } from './day-type'

/**
 * The simulated hospital's catalogue: departments, doctors and their weekly
 * duty, all derived from a campus key (city and campus, see campuses.ts) so
 * every start gives the same hospital. Slot numbers already taken by walk-in
 * and phone bookings (prebooked) are derived too; bookings through the
 * contract are counted on top by the app.
 */

const DEPARTMENTS: readonly DepartmentT[] = [
  { id: 'cardiology', name: '心血管内科', category: '内科', intro: '高血压、冠心病、心律失常、心力衰竭的诊治' },
  { id: 'respiratory', name: '呼吸与危重症医学科', category: '内科', intro: '慢阻肺、哮喘、肺部感染、肺结节随访' },
  { id: 'gastro', name: '消化内科', category: '内科', intro: '胃炎、消化性溃疡、肝病，胃肠镜检查' },
  { id: 'orthopedics', name: '骨科', category: '外科', intro: '骨折、关节置换、脊柱疾病、运动损伤' },
  { id: 'general-surgery', name: '普外科', category: '外科', intro: '甲状腺、乳腺、疝、胆囊疾病的手术治疗' },
  { id: 'pediatrics', name: '儿科', category: '儿科', intro: '儿童常见病、多发病，生长发育评估' },
  { id: 'gynecology', name: '妇科', category: '妇产科', intro: '妇科炎症、月经失调、妇科肿瘤' },
  { id: 'ophthalmology', name: '眼科', category: '五官科', intro: '白内障、青光眼、屈光不正、眼底病' },
  { id: 'dermatology', name: '皮肤科', category: '皮肤科', intro: '湿疹、痤疮、荨麻疹、银屑病' },
  { id: 'tcm', name: '中医科', category: '中医', intro: '中医内科调理、针灸推拿' },
]

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '罗', '谢']
const GIVEN = ['建国', '晓燕', '志强', '丽华', '明', '红梅', '海涛', '静', '文博', '雪', '国庆', '春兰', '永刚', '婷', '宏伟', '秀英', '子涵', '一鸣']

const FEE_BY_TITLE: Record<DoctorT['title'], number> = { 主任医师: 5000, 副主任医师: 3000, 主治医师: 1500, 住院医师: 800 }
const CAPACITY_BY_TITLE: Record<DoctorT['title'], number> = { 主任医师: 4, 副主任医师: 6, 主治医师: 10, 住院医师: 12 }

/** Half-day sessions: 30-minute slots. */
const MORNING = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00']
const AFTERNOON = ['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']

export function departmentsOf(campusKey: string): DepartmentT[] {
  const rng = seeded('hospital-departments', campusKey)
  // A branch campus lacks one or two departments; the first four are everywhere.
  return DEPARTMENTS.filter((_d, i) => i < 4 || rng.chance(0.85))
}

export interface DoctorOnDuty extends DoctorT {
  /** Weekdays (0 = Sunday) with a morning and/or afternoon session. */
  duty: Record<number, { morning: boolean; afternoon: boolean }>
}

/**
 * Doctors of a department. Doctor 0 runs the general clinic (普通门诊): an
 * attending physician on duty every day, morning and afternoon.
 */
export function doctorsOf(campusKey: string, departmentId: string): DoctorOnDuty[] {
  const rng = seeded('hospital-doctors', campusKey, departmentId)
  const count = rng.int(3, 5)
  const dept = DEPARTMENTS.find((d) => d.id === departmentId)
  const out: DoctorOnDuty[] = []
  for (let i = 0; i < count; i++) {
    const title: DoctorT['title'] = i === 0 ? '主治医师' : rng.pick(['主任医师', '副主任医师', '副主任医师', '主治医师', '住院医师'] as const)
    const duty: DoctorOnDuty['duty'] = {}
    for (let day = 0; day < 7; day++) {
      const works = i === 0 || (day >= 1 && day <= 5 && rng.chance(0.5)) || (day === 6 && rng.chance(0.15))
      duty[day] = works ? (i === 0 ? { morning: true, afternoon: true } : rng.pick([{ morning: true, afternoon: false }, { morning: false, afternoon: true }, { morning: true, afternoon: true }])) : { morning: false, afternoon: false }
    }
    out.push({
      id: `${departmentId}-${i}`,
      name: i === 0 ? `${dept?.name ?? ''}普通门诊` : rng.pick(SURNAMES) + rng.pick(GIVEN),
      title,
      specialty: dept ? `${dept.intro}` : '',
      feeFen: FEE_BY_TITLE[title],
      duty,
    })
  }
  return out
}

export function toDoctor(d: DoctorOnDuty): DoctorT {
  return { id: d.id, name: d.name, title: d.title, specialty: d.specialty, feeFen: d.feeFen }
}

export interface GeneratedSlot extends Omit<SlotT, 'remaining' | 'status'> {
  /** Numbers taken outside the platform (window, phone). */
  prebooked: number
}

/**
 * Who sees patients on a date. A make-up workday (调休) runs the Monday
 * timetable; on a public holiday a campus with holiday clinics opens only
 * the general clinic's morning (节假日门诊), others close.
 */
export function sessionOf(doctor: DoctorOnDuty, date: string, holidayClinics: boolean): { morning: boolean; afternoon: boolean } {
  const { dayType } = dayKind(date)
  if (dayType === 'holiday') return { morning: holidayClinics && doctor.id.endsWith('-0'), afternoon: false }
  return doctor.duty[dayType === 'makeup-workday' ? 1 : weekday(date)] ?? { morning: false, afternoon: false }
}

/** The slots of one doctor on a date (before contract bookings are counted); slot ids carry the public campus id. */
export function slotsOf(campus: Pick<Campus, 'id' | 'key' | 'rules'>, doctor: DoctorOnDuty, date: string): GeneratedSlot[] {
  const session = sessionOf(doctor, date, campus.rules.holidayClinics)
  const times = [...(session.morning ? MORNING : []), ...(session.afternoon ? AFTERNOON : [])]
  const capacity = CAPACITY_BY_TITLE[doctor.title]
  return times.map((start) => {
    const [h, m] = start.split(':').map(Number) as [number, number]
    const endMinutes = h * 60 + m + 30
    const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`
    // Senior doctors are popular: part of their numbers is gone before the platform sees them.
    const popular = doctor.title === '主任医师' || doctor.title === '副主任医师'
    const prebooked = popular ? Math.floor(capacity * seeded('hospital-prebooked', campus.key, doctor.id, date, start).next() * 0.9) : 0
    return {
      id: `${campus.id}.${doctor.id}.${date}.${start.replace(':', '')}`,
      doctorId: doctor.id,
      doctorName: doctor.name,
      doctorTitle: doctor.title,
      start,
      end,
      capacity,
      feeFen: doctor.feeFen,
      prebooked,
    }
  })
}
