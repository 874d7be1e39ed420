import { describe, expect, it } from 'vitest'
import { recordYearParam, recordYears, yearChoices, yearMonthRange } from '../../../src/domain/record-years'

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

describe('recordYearParam', () => {
  it('a whole year from 1990 to this year from the link', () => {
    expect(recordYearParam('2023', 2026)).toBe(2023)
    expect(recordYearParam('1990', 2026)).toBe(1990)
    expect(recordYearParam('2026', 2026)).toBe(2026)
  })
  it('anything else opens this year', () => {
    for (const param of [undefined, '', '2027', '1989', '20x5', '2025.5', ' 2025', '02025']) expect(recordYearParam(param, 2026)).toBe(2026)
  })
})

describe('yearChoices', () => {
  it('the chips as they are, or with a chosen year outside them, newest first', () => {
    expect(yearChoices([2026, 2025, 2024], 2025)).toEqual([2026, 2025, 2024])
    expect(yearChoices([2026, 2025], 2019)).toEqual([2026, 2025, 2019])
  })
})
