import { describe, expect, it } from 'vitest'
import { groupByHalfDay, groupSlotsByDoctor, isSlotBookable, slotNote, type Slot } from '../../../src/domain/slot-groups'

function slot(doctorId: string, start: string, overrides: Partial<Slot> = {}): Slot {
  return {
    id: `h.${doctorId}.2026-11-21.${start.replace(':', '')}`,
    doctorId,
    doctorName: doctorId === 'c-0' ? '心内科普通门诊' : '王建国',
    doctorTitle: doctorId === 'c-0' ? '主治医师' : '主任医师',
    start,
    end: start,
    capacity: 10,
    remaining: 3,
    status: 'available',
    feeFen: doctorId === 'c-0' ? 1500 : 5000,
    ...overrides,
  }
}

describe('slots', () => {
  it('says 余 N, 约满 or 已过', () => {
    expect(slotNote({ status: 'available', remaining: 3 })).toBe('余 3')
    expect(slotNote({ status: 'full', remaining: 0 })).toBe('约满')
    expect(slotNote({ status: 'available', remaining: 0 })).toBe('约满')
    expect(slotNote({ status: 'passed', remaining: 4 })).toBe('已过')
    expect(isSlotBookable({ status: 'available', remaining: 1 })).toBe(true)
    expect(isSlotBookable({ status: 'passed', remaining: 1 })).toBe(false)
  })

  it('splits a day into 上午 and 下午 in time order', () => {
    const groups = groupByHalfDay([slot('c-0', '14:00'), slot('c-0', '08:30'), slot('c-0', '08:00')])
    expect(groups.map((g) => [g.halfDay, g.slots.map((s) => s.start)])).toEqual([
      ['上午', ['08:00', '08:30']],
      ['下午', ['14:00']],
    ])
  })

  it('groups by doctor in the department order, 普通门诊 first', () => {
    const groups = groupSlotsByDoctor([slot('c-1', '08:00'), slot('c-0', '14:00'), slot('c-9', '09:00'), slot('c-0', '08:00')], ['c-0', 'c-1'])
    expect(groups.map((g) => g.doctorId)).toEqual(['c-0', 'c-1', 'c-9'])
    expect(groups[0]).toMatchObject({ doctorName: '心内科普通门诊', doctorTitle: '主治医师', feeFen: 1500 })
    expect(groups[0]!.halves.map((h) => h.halfDay)).toEqual(['上午', '下午'])
    expect(groupSlotsByDoctor([])).toEqual([])
  })
})
