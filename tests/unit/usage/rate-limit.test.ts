import { describe, expect, it } from 'vitest'
import { createRateLimit } from '../../../server/modules/usage/rate-limit'

describe('usage rate limit', () => {
  it('a burst, then the rate; each address on its own; refills with time', () => {
    let t = 0
    const limit = createRateLimit({ perMinute: 60, burst: 3, now: () => t })
    expect([1, 2, 3, 4].map(() => limit.take('a').ok)).toEqual([true, true, true, false])
    expect(limit.take('b').ok).toBe(true)
    expect(limit.take('a')).toEqual({ ok: false, retryAfterS: 1 })
    t += 1000
    expect(limit.take('a').ok).toBe(true)
    expect(limit.take('a').ok).toBe(false)
  })

  it('keeps at most maxClients addresses in memory, forgetting the oldest', () => {
    const limit = createRateLimit({ perMinute: 60, burst: 1, maxClients: 2, now: () => 0 })
    limit.take('a')
    limit.take('b')
    limit.take('c')
    expect(limit.take('a').ok).toBe(true)
  })
})
