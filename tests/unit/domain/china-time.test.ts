import { describe, expect, it } from 'vitest'
import { chinaToday, formatChinaDate, formatChinaDateTime } from '../../../src/domain/china-time'

describe('china time', () => {
  it('shows UTC instants in UTC+8', () => {
    expect(formatChinaDateTime('2025-03-01T00:30:00Z')).toBe('2025-03-01 08:30')
    expect(formatChinaDateTime('2025-02-28T16:05:00.000Z')).toBe('2025-03-01 00:05')
    expect(formatChinaDateTime('2025-03-01T08:30:00+08:00')).toBe('2025-03-01 08:30')
  })

  it('crosses the year in China before it does in UTC', () => {
    expect(formatChinaDate('2025-12-31T16:00:00Z')).toBe('2026-01-01')
    expect(chinaToday(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31')
    expect(chinaToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01')
  })

  it('returns unreadable input unchanged rather than "NaN"', () => {
    expect(formatChinaDateTime('soon')).toBe('soon')
    expect(formatChinaDate('')).toBe('')
  })
})
