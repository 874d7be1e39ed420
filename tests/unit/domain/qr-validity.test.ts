import { describe, expect, it } from 'vitest'
import { formatChinaTime } from '../../../src/domain/china-time'
import { qrRefreshDelay } from '../../../src/domain/qr-validity'

const NOW = Date.parse('2025-03-01T02:30:20Z')

describe('qrRefreshDelay', () => {
  it('waits until just after the code expires', () => {
    expect(qrRefreshDelay('2025-03-01T10:31:00+08:00', NOW)).toBe(41_000)
  })
  it('never waits longer than a minute and a second, whatever the clock says', () => {
    expect(qrRefreshDelay('2025-03-01T10:40:00+08:00', NOW)).toBe(61_000)
  })
  it('does not refetch in a loop when the code looks expired on arrival (a clock running ahead)', () => {
    expect(qrRefreshDelay('2025-03-01T10:30:00+08:00', NOW)).toBe(30_000)
    expect(qrRefreshDelay('not a time', NOW)).toBe(30_000)
  })
  it('waits at least a second', () => {
    expect(qrRefreshDelay('2025-03-01T02:30:20.001Z', NOW)).toBe(1_001)
  })
})

describe('formatChinaTime', () => {
  it('is the China clock time with seconds', () => {
    expect(formatChinaTime('2025-03-01T02:31:05Z')).toBe('10:31:05')
    expect(formatChinaTime('2025-03-01T23:59:59+08:00')).toBe('23:59:59')
    expect(formatChinaTime('soon')).toBe('soon')
  })
})
