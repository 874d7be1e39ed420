import { describe, expect, it } from 'vitest'
import { addMonths, monthText, monthsApart } from '../../../src/domain/calendar-months'

describe('calendar months', () => {
  it('writes a month as the bureaus do', () => {
    expect(monthText('2025-03')).toBe('2025年03月')
    expect(monthText('2025-3')).toBe('2025-3')
  })
  it('adds months across year ends both ways', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01')
    expect(addMonths('2025-01', -1)).toBe('2024-12')
    expect(addMonths('2025-06', 0)).toBe('2025-06')
    expect(addMonths('2025-06', -30)).toBe('2022-12')
  })
  it('counts months between two months', () => {
    expect(monthsApart('2019-06', '2020-01')).toBe(7)
    expect(monthsApart('2020-01', '2020-01')).toBe(0)
    expect(monthsApart('2020-01', '2019-12')).toBe(-1)
  })
})
