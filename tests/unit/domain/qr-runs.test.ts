import { describe, expect, it } from 'vitest'
import { moduleRuns } from '../../../src/domain/qr-runs'

const row = (s: string) => [...s].map((c) => c === '#')

describe('moduleRuns', () => {
  it('groups equal neighbours', () => {
    expect(moduleRuns(row('###.#..'))).toEqual([
      { dark: true, length: 3 },
      { dark: false, length: 1 },
      { dark: true, length: 1 },
      { dark: false, length: 2 },
    ])
  })
  it('adds the quiet zone at both ends, merged with light modules there', () => {
    expect(moduleRuns(row('.#.'), 4)).toEqual([
      { dark: false, length: 5 },
      { dark: true, length: 1 },
      { dark: false, length: 5 },
    ])
  })
  it('keeps the row’s width', () => {
    const r = row('#.##...#.#')
    expect(moduleRuns(r, 2).reduce((n, run) => n + run.length, 0)).toBe(r.length + 4)
  })
  it('is one light run for an empty row with a quiet zone, and nothing without', () => {
    expect(moduleRuns([], 4)).toEqual([{ dark: false, length: 8 }])
    expect(moduleRuns([])).toEqual([])
  })
})
