import { describe, expect, it } from 'vitest'
import { isMonthFresh, learnMonth, MONTH_FRESH_MS, phoneMonth } from '../../../src/domain/usage-month'

const at = (iso: string) => Date.parse(iso)

describe('the server month as last learned', () => {
  it('keeps the server month, whatever the phone clock says', () => {
    const known = learnMonth('2026-11', at('2031-05-03T02:00:00Z'))
    expect(known.month).toBe('2026-11')
    expect(known.phoneMonth).toBe('2031-05')
    expect(isMonthFresh(known, at('2031-05-03T03:00:00Z'))).toBe(true)
  })

  it('reads the phone month in China time', () => {
    expect(phoneMonth(at('2026-11-30T16:30:00Z'))).toBe('2026-12')
  })

  it('is stale when unknown', () => {
    expect(isMonthFresh(null, Date.now())).toBe(false)
  })

  it('is stale after MONTH_FRESH_MS', () => {
    const t = at('2026-11-10T02:00:00Z')
    const known = learnMonth('2026-11', t)
    expect(isMonthFresh(known, t + MONTH_FRESH_MS - 1)).toBe(true)
    expect(isMonthFresh(known, t + MONTH_FRESH_MS)).toBe(false)
  })

  it('is stale once the phone month turned, even a minute later', () => {
    const known = learnMonth('2026-11', at('2026-11-30T15:59:00Z'))
    expect(isMonthFresh(known, at('2026-11-30T16:00:00Z'))).toBe(false)
  })

  it('is stale when the clock went backwards', () => {
    const known = learnMonth('2026-11', at('2026-11-10T02:00:00Z'))
    expect(isMonthFresh(known, at('2026-11-10T01:00:00Z'))).toBe(false)
  })
})
