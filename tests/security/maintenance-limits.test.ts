import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { addMonths } from '../../src/domain/calendar-months'
import { chinaMonthOf, chinaMonthPeriod, totalMs } from '../../src/domain/downtime'
import { countedMaintenance } from '../../src/domain/maintenance-allowance'
import { testApp } from '../server/test-app'

// Issue 16, finding 12: an agency chained 7-day maintenance windows so its failure rate was never measured.
// 03-index.md: a window lasts at most 8 hours; at most 24 hours a month count as maintenance.

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('what counts as maintenance', () => {
  const start = chinaMonthPeriod('2026-11').start
  it('each window counts for its first 8 hours only', () => {
    expect(totalMs(countedMaintenance([{ start, end: start + 7 * DAY }]))).toBe(8 * HOUR)
  })

  it('chained windows count for 24 hours a month, overlaps once; the next month has its own 24 hours', () => {
    const chain = Array.from({ length: 30 }, (_, i) => ({ start: start + i * 8 * HOUR, end: start + (i + 1) * 8 * HOUR }))
    expect(totalMs(countedMaintenance(chain))).toBe(24 * HOUR)
    expect(totalMs(countedMaintenance([...chain, ...chain]))).toBe(24 * HOUR)
    const next = chinaMonthPeriod('2026-12').start
    expect(totalMs(countedMaintenance([...chain, { start: next, end: next + 8 * HOUR }]))).toBe(32 * HOUR)
  })
})

describe('announcing maintenance', () => {
  let app: FastifyInstance & { db: Db }
  let serviceId: string
  let token: string
  beforeAll(async () => {
    app = await testApp()
    const [s] = await app.db.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM services WHERE status = 'listed' AND endpoint IS NOT NULL ORDER BY id LIMIT 1`)
    serviceId = s!.id
    token = (await createToken(app.db, { role: 'agency', agencyId: s!.agency_id })).token
  })
  afterAll(() => app.close())

  // From the second day of next month (China time), so the windows are ahead and in one month.
  const base = () => chinaMonthPeriod(addMonths(chinaMonthOf(Date.now()), 1)).start + DAY
  const announce = (startsAt: number, hours: number) =>
    app.inject({
      method: 'POST',
      url: `/v1/agency/services/${serviceId}/maintenance`,
      headers: { authorization: `Bearer ${token}` },
      payload: { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + hours * HOUR).toISOString(), note: '系统升级' },
    })

  it('a window longer than 8 hours is refused (422 MAINTENANCE_WINDOW_INVALID)', async () => {
    const res = await announce(base(), 8.5)
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'MAINTENANCE_WINDOW_INVALID'])
    expect(res.json().error.details[0].message).toMatch(/8 hours/)
  })

  it('chaining windows past 24 hours in a month is refused (409 MAINTENANCE_ALLOWANCE_EXCEEDED); the next month is fresh', async () => {
    for (let i = 0; i < 3; i++) expect((await announce(base() + i * 8 * HOUR, 8)).statusCode).toBe(201)
    const fourth = await announce(base() + 24 * HOUR, 1)
    expect([fourth.statusCode, fourth.json().error.code]).toEqual([409, 'MAINTENANCE_ALLOWANCE_EXCEEDED'])
    expect(fourth.json().error.details[0].message).toMatch(/24 h already announced/)
    // Overlapping an announced window adds nothing, so it still fits.
    expect((await announce(base() + HOUR, 2)).statusCode).toBe(201)
    const nextMonth = chinaMonthPeriod(addMonths(chinaMonthOf(Date.now()), 2)).start + HOUR
    expect((await announce(nextMonth, 8)).statusCode).toBe(201)
  })
})
