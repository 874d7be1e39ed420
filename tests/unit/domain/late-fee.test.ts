import { describe, expect, it } from 'vitest'
import { lateFeeFen } from '../../../src/domain/late-fee'

const DAY = 86_400_000
const decided = Date.parse('2026-01-01T10:00:00+08:00')

describe('lateFeeFen', () => {
  it('nothing within the 15 days allowed', () => {
    expect(lateFeeFen(20_000, decided, decided + 15 * DAY)).toBe(0)
  })
  it('3% of the fine per day after them', () => {
    expect(lateFeeFen(20_000, decided, decided + 16 * DAY)).toBe(600)
    expect(lateFeeFen(20_000, decided, decided + 20 * DAY)).toBe(3000)
  })
  it('never more than the fine itself', () => {
    expect(lateFeeFen(20_000, decided, decided + 49 * DAY)).toBe(20_000)
    expect(lateFeeFen(20_000, decided, decided + 400 * DAY)).toBe(20_000)
  })
})
