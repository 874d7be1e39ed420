import { describe, expect, it } from 'vitest'
import { logTry, markDropped, USAGE_LOG_LIMIT, type UsageLogEntry } from '../../../src/domain/usage-log'

const entry = (batch: string | undefined, at: string, outcome: UsageLogEntry['outcome'] = 'acknowledged'): Omit<UsageLogEntry, 'tries'> => ({
  at,
  ...(batch ? { batch } : {}),
  payload: batch ? `{"v":1,"batch":"${batch}"}` : '{"v":1}',
  answer: { status: outcome === 'retrying' ? 0 : 200 },
  outcome,
})

describe('logTry: the batches actually sent, newest first', () => {
  it('puts the newest first and keeps at most the limit', () => {
    let log: UsageLogEntry[] = []
    for (let i = 0; i < USAGE_LOG_LIMIT + 5; i++) log = logTry(log, entry(`batch-${String(i).padStart(12, '0')}`, `2026-11-10T02:${String(i).padStart(2, '0')}:00Z`))
    expect(log).toHaveLength(USAGE_LOG_LIMIT)
    expect(log[0]?.batch).toBe('batch-000000000024')
  })

  it('keeps one entry per batch id, counting the tries', () => {
    let log = logTry([], entry('aaaaaaaaaaaaaaaa', '2026-11-10T02:00:00Z', 'retrying'))
    log = logTry(log, entry('bbbbbbbbbbbbbbbb', '2026-11-10T02:00:01Z'))
    log = logTry(log, entry('aaaaaaaaaaaaaaaa', '2026-11-10T02:00:05Z'))
    expect(log.map((e) => [e.batch, e.tries, e.outcome])).toEqual([
      ['aaaaaaaaaaaaaaaa', 2, 'acknowledged'],
      ['bbbbbbbbbbbbbbbb', 1, 'acknowledged'],
    ])
  })

  it('lets a month request replace the month request just before it', () => {
    let log = logTry([], entry(undefined, '2026-11-10T02:00:00Z'))
    log = logTry(log, entry(undefined, '2026-11-10T03:00:00Z'))
    expect(log).toHaveLength(1)
    log = logTry(log, entry('aaaaaaaaaaaaaaaa', '2026-11-10T03:00:01Z'))
    log = logTry(log, entry(undefined, '2026-11-10T04:00:00Z'))
    expect(log).toHaveLength(3)
  })

  it('marks a sent batch dropped on the phone', () => {
    const log = markDropped(logTry([], entry('aaaaaaaaaaaaaaaa', '2026-11-10T02:00:00Z', 'retrying')), 'aaaaaaaaaaaaaaaa')
    expect(log[0]?.outcome).toBe('dropped')
  })
})
