import { describe, expect, it } from 'vitest'
import { cancelDeadlineOf, isPastCancelDeadline } from '../../../src/domain/cancel-deadline'

describe('cancelDeadlineOf', () => {
  it('reads "17:00 the day before" in China time', () => {
    expect(new Date(cancelDeadlineOf({ daysBefore: 1, at: '17:00' }, '2026-11-22', '09:00')).toISOString()).toBe('2026-11-21T09:00:00.000Z')
  })

  it('reads "2 hours before the slot" across midnight UTC', () => {
    expect(new Date(cancelDeadlineOf({ hoursBefore: 2 }, '2026-11-22', '08:30')).toISOString()).toBe('2026-11-21T22:30:00.000Z')
  })
})

describe('isPastCancelDeadline', () => {
  const rule = { daysBefore: 1, at: '17:00' }
  it('is false before the deadline and true from it on', () => {
    expect(isPastCancelDeadline(rule, '2026-11-22', '09:00', new Date('2026-11-21T08:59:59Z'))).toBe(false)
    expect(isPastCancelDeadline(rule, '2026-11-22', '09:00', new Date('2026-11-21T09:00:00Z'))).toBe(true)
  })

  it('is true for a same-day booking under a day-before rule', () => {
    expect(isPastCancelDeadline(rule, '2026-11-20', '15:00', new Date('2026-11-20T01:00:00Z'))).toBe(true)
  })
})
