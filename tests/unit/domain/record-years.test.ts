import { describe, expect, it } from 'vitest'
import { recordYears, yearMonthRange } from '../../../src/domain/record-years'

describe('recordYears', () => {
  it('from the first month’s year to this year, newest first', () => {
    expect(recordYears('2022-07', 2026)).toEqual([2026, 2025, 2024, 2023, 2022])
  })
  it('only this year without a first month, or with one in the future or unreadable', () => {
    expect(recordYears(undefined, 2026)).toEqual([2026])
    expect(recordYears('2030-01', 2026)).toEqual([2026])
    expect(recordYears('abcd', 2026)).toEqual([2026])
  })
  it('at most `max` years', () => {
    expect(recordYears('1990-01', 2026, 5)).toEqual([2026, 2025, 2024, 2023, 2022])
  })
})

describe('yearMonthRange', () => {
  it('a past year is January to December; the current one ends this month; a future one has none', () => {
    expect(yearMonthRange(2024, '2026-11')).toEqual({ from: '2024-01', to: '2024-12' })
    expect(yearMonthRange(2026, '2026-11')).toEqual({ from: '2026-01', to: '2026-11' })
    expect(yearMonthRange(2026, '2026-01')).toEqual({ from: '2026-01', to: '2026-01' })
    expect(yearMonthRange(2027, '2026-11')).toBeUndefined()
  })
})
