import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { chinaMonthOf } from '../../src/domain/downtime'
import { testApp } from './test-app'

/**
 * An agency's figures include its service's 好差评 (issue 18): ratings, mean,
 * share satisfied and ticket timeliness per month, withheld below k as for
 * analysts. Ratings are stored as the ratings module stores them (no person).
 */
let app: FastifyInstance & { db: Db }
let token: string
let serviceId: string

beforeAll(async () => {
  app = await testApp()
  const [s] = await app.db.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM services WHERE status = 'listed' ORDER BY id LIMIT 1`)
  serviceId = s!.id
  token = (await createToken(app.db, { role: 'agency', agencyId: s!.agency_id })).token
  // This month: 13 ratings (10 satisfied, 3 poor), the 3 poor ones with tickets, 2 of them answered on time, 1 late.
  const levels = [5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 2, 1, 1]
  for (const [i, level] of levels.entries()) {
    const [r] = await app.db.query<{ id: string }>(
      `INSERT INTO ratings (service_id, agency_id, what, level, rated_at) VALUES ($1, $2, '测试办件', $3, now() - interval '1 hour') RETURNING id`,
      [serviceId, s!.agency_id, level],
    )
    if (level > 2) continue
    const late = i === levels.length - 1
    await app.db.query(
      `INSERT INTO rating_tickets (rating_id, agency_id, service_id, callback_due, fix_due, callback_at, fix_at, opened_at)
       VALUES ($1, $2, $3, now() - interval '30 minutes', now() - interval '10 minutes', now() - interval '50 minutes', now() - ${late ? "interval '1 minute'" : "interval '40 minutes'"}, now() - interval '1 hour')`,
      [r!.id, s!.agency_id, serviceId],
    )
  }
})
afterAll(() => app?.close())

it('an agency sees its service’s ratings per month; counts and shares below k withheld', async () => {
  const month = chinaMonthOf(Date.now())
  const res = await app.inject({ url: `/v1/agency/services/${serviceId}/stats?from=${month}&to=${month}`, headers: { authorization: `Bearer ${token}` } })
  expect(res.statusCode).toBe(200)
  // Three tickets are a small cell: withheld with what they would tell, as for analysts.
  expect(res.json().ratings).toEqual({
    rows: [{ month, count: 13, mean: 3.77, satisfiedShare: expect.closeTo(10 / 13, 3), tickets: null, answeredOnTime: null, onTimeShare: null }],
  })
})

it('a service with no rating in the period has none to report', async () => {
  await app.db.query(`DELETE FROM rating_tickets`)
  await app.db.query(`DELETE FROM ratings`)
  const res = await app.inject({ url: `/v1/agency/services/${serviceId}/stats`, headers: { authorization: `Bearer ${token}` } })
  expect(res.json().ratings).toBeNull()
})
