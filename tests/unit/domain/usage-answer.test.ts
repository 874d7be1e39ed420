import { describe, expect, it } from 'vitest'
import { classifyUsageAnswer, retryAfterMs } from '../../../src/domain/usage-answer'

describe('classifyUsageAnswer', () => {
  it('acknowledges a 200 with the usage answer', () => {
    expect(classifyUsageAnswer(200, { month: '2026-11', accepted: 3, duplicates: 0 })).toEqual({
      kind: 'acknowledged',
      answer: { month: '2026-11', accepted: 3, duplicates: 0 },
    })
  })

  it('retries a 200 that is not the usage answer (a proxy page)', () => {
    expect(classifyUsageAnswer(200, null).kind).toBe('retry')
    expect(classifyUsageAnswer(200, { month: 'November', accepted: 1, duplicates: 0 }).kind).toBe('retry')
  })

  it('drops 400, 413 and 422 for good, keeping the code', () => {
    expect(classifyUsageAnswer(400, { error: { code: 'VALIDATION_FAILED', message: 'x' } })).toEqual({ kind: 'rejected', status: 400, code: 'VALIDATION_FAILED' })
    expect(classifyUsageAnswer(422, { error: { code: 'MONTH_NOT_ACCEPTED', message: 'x' } })).toEqual({ kind: 'rejected', status: 422, code: 'MONTH_NOT_ACCEPTED' })
    expect(classifyUsageAnswer(413, null).kind).toBe('rejected')
  })

  it('retries 429 (with Retry-After), 408, 5xx and no answer', () => {
    expect(classifyUsageAnswer(429, { error: { code: 'RATE_LIMITED', message: 'x' } }, 7000)).toEqual({ kind: 'retry', status: 429, code: 'RATE_LIMITED', retryAfterMs: 7000 })
    expect(classifyUsageAnswer(408, null).kind).toBe('retry')
    expect(classifyUsageAnswer(503, null).kind).toBe('retry')
    expect(classifyUsageAnswer(0, null).kind).toBe('retry')
  })
})

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-10T02:00:00Z')
    expect(retryAfterMs('12', now)).toBe(12_000)
    expect(retryAfterMs('Tue, 10 Nov 2026 02:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs(undefined, now)).toBeUndefined()
    expect(retryAfterMs('soon', now)).toBeUndefined()
  })
})
