import type { DayScheduleT } from '../api/hospital'
import { halfDayOf, type HalfDay } from './booking-dates'

/** A time slot of a doctor on a date, as GET …/schedule answers it. */
export type Slot = DayScheduleT['slots'][number]

export interface HalfDaySlots {
  halfDay: HalfDay
  slots: Slot[]
}

export interface DoctorSlots {
  doctorId: string
  doctorName: string
  doctorTitle: string
  /** The fee of the doctor's first slot: a doctor's fee is the same all day. */
  feeFen: number
  halves: HalfDaySlots[]
}

/** True when the slot can still be booked: open and not every number taken. */
export function isSlotBookable(slot: Pick<Slot, 'status' | 'remaining'>): boolean {
  return slot.status === 'available' && slot.remaining > 0
}

/** What a slot button says under its time: 余 3, 约满 or 已过. */
export function slotNote(slot: Pick<Slot, 'status' | 'remaining'>): string {
  if (slot.status === 'passed') return '已过'
  return isSlotBookable(slot) ? `余 ${slot.remaining}` : '约满'
}

/** Slots split into 上午, 下午 (and 晚上), in time order, leaving out empty parts of the day. */
export function groupByHalfDay(slots: Slot[]): HalfDaySlots[] {
  const sorted = [...slots].sort((a, b) => a.start.localeCompare(b.start))
  const groups: HalfDaySlots[] = []
  for (const slot of sorted) {
    const halfDay = halfDayOf(slot.start)
    const last = groups[groups.length - 1]
    if (last?.halfDay === halfDay) last.slots.push(slot)
    else groups.push({ halfDay, slots: [slot] })
  }
  return groups
}

/**
 * A day's slots by doctor, in the order the department lists its doctors
 * (普通门诊 first), then any doctor the list did not know; each doctor's
 * slots split into 上午 and 下午.
 */
export function groupSlotsByDoctor(slots: Slot[], doctorOrder: readonly string[] = []): DoctorSlots[] {
  const byDoctor = new Map<string, Slot[]>()
  for (const slot of slots) byDoctor.set(slot.doctorId, [...(byDoctor.get(slot.doctorId) ?? []), slot])
  const rank = (id: string) => {
    const i = doctorOrder.indexOf(id)
    return i === -1 ? doctorOrder.length : i
  }
  return [...byDoctor.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([doctorId, own]) => ({
      doctorId,
      doctorName: own[0]!.doctorName,
      doctorTitle: own[0]!.doctorTitle,
      feeFen: own[0]!.feeFen,
      halves: groupByHalfDay(own),
    }))
}
