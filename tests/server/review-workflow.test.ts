import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'
import type { Db } from '../../server/db/db'
import { insertAgency } from '../../server/modules/agencies/repository'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { testApp, testBox } from './test-app'

const SECRET = 'workflow-secret'
let app: FastifyInstance & { db: Db }
let mocks: MockAgencies
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await testApp()
  mocks = await startMockAgencies({ tenants: [{ agencyId: 'dy-jj', contract: 'traffic@1', secret: SECRET }] })
  await insertAgency(app.db, { id: 'dy-jj', name: '德阳市公安局交警支队', region: '510600', domains: ['traffic'], signingSecret: testBox.seal(SECRET) })
  tokens.agency = (await createToken(app.db, { role: 'agency', agencyId: 'dy-jj' })).token
  tokens.operator = (await createToken(app.db, { role: 'operator' })).token
})
afterAll(async () => {
  await app.close()
  await mocks.stop()
})

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) })
const manifest = (id: string, endpoint = mocks.endpointOf('dy-jj')) => ({ ...validManifest('traffic@1'), id, name: '德阳违法处理', endpoint })
async function submitAndReview(id: string, endpoint?: string) {
  const res = await call('agency', 'POST', '/v1/agency/services', manifest(id, endpoint))
  expect(res.statusCode).toBe(201)
  await app.reviews.idle()
  return res.json() as { submissionId: number; reviewId: number }
}
const catalogStars = async (id: string) => {
  const body = (await app.inject('/v1/catalog?city=510600')).json()
  return [...body.local, ...body.national].flatMap((g: { services: { id: string; stars: number }[] }) => g.services).find((s) => s.id === id)?.stars
}

describe('submission → review → listing', () => {
  it('a submitted manifest is reviewed in the background; the agency reads every check with evidence', async () => {
    const { submissionId, reviewId } = await submitAndReview('dy-jj-fines')
    const { review } = (await call('agency', 'GET', '/v1/agency/services/dy-jj-fines/review')).json()
    expect(review).toMatchObject({ id: reviewId, submissionId, status: 'done', trigger: 'submit', passed: true, stars: 5 })
    expect(review.checks).toHaveLength(21)
    expect(review.checks[0]).toMatchObject({ id: 'available', label: '可用', outcome: 'pass' })
    for (const c of review.checks) expect(c.evidence.length).toBeGreaterThan(0)

    const queue = (await call('operator', 'GET', '/v1/admin/submissions')).json().submissions
    expect(queue).toContainEqual(expect.objectContaining({ id: submissionId, review: expect.objectContaining({ status: 'done', passed: true, stars: 5 }) }))
    expect((await call('operator', 'POST', `/v1/admin/submissions/${submissionId}/list`)).statusCode).toBe(200)
    expect(await catalogStars('dy-jj-fines')).toBe(5)
  })

  it('an unreachable endpoint fails `available` with evidence, cannot be listed, and the platform keeps serving', async () => {
    const { submissionId } = await submitAndReview('dy-jj-down', 'http://127.0.0.1:9/api')
    const { review } = (await call('operator', 'GET', `/v1/admin/submissions/${submissionId}/review`)).json()
    expect(review.passed).toBe(false)
    const available = review.checks.find((c: { id: string }) => c.id === 'available')
    expect(available.outcome).toBe('fail')
    expect(available.evidence.join(' ')).toMatch(/could not connect/)
    const listing = await call('operator', 'POST', `/v1/admin/submissions/${submissionId}/list`)
    expect(listing.statusCode).toBe(409)
    expect(listing.json().error.code).toBe('REVIEW_NOT_PASSED')
    expect((await app.inject('/healthz')).statusCode).toBe(200)
    expect((await app.inject('/v1/catalog?city=510600')).statusCode).toBe(200)
  })

  it('a submission still in review cannot be listed yet', async () => {
    const res = await call('agency', 'POST', '/v1/agency/services', manifest('dy-jj-pending'))
    const listing = await call('operator', 'POST', `/v1/admin/submissions/${res.json().submissionId}/list`)
    expect([409]).toContain(listing.statusCode)
    expect(['REVIEW_PENDING', 'REVIEW_NOT_PASSED']).toContain(listing.json().error.code)
    await app.reviews.idle()
  })

  it('a changed manifest is reviewed again; the listing keeps its stars until the change is listed', async () => {
    const first = (await call('agency', 'GET', '/v1/agency/services/dy-jj-fines/review')).json().review
    // Check 20 (feedback) is measured from ratings now, not declared: three declarations fail instead (18 of 21 → 4 stars).
    const changed = { ...manifest('dy-jj-fines'), elderFriendly: false, realNameRequired: false, feedback: { takesRatings: false, answersBadRatings: false }, notify: { subscribeMessage: false } }
    const res = await call('agency', 'POST', '/v1/agency/services', changed)
    await app.reviews.idle()
    const { review } = (await call('agency', 'GET', '/v1/agency/services/dy-jj-fines/review')).json()
    expect(review.id).toBeGreaterThan(first.id)
    expect(review).toMatchObject({ submissionId: res.json().submissionId, trigger: 'submit', stars: 4 })
    expect(await catalogStars('dy-jj-fines')).toBe(5)
    await call('operator', 'POST', `/v1/admin/submissions/${review.submissionId}/list`)
    expect(await catalogStars('dy-jj-fines')).toBe(4)
  })

  it('listed services are re-reviewed on schedule, and one that keeps failing is flagged', async () => {
    await app.db.query(`UPDATE service_reviews SET queued_at = now() - interval '2 days' WHERE service_id = 'dy-jj-fines'`)
    expect(await app.reviews.scheduleDue(24)).toBe(1)
    await app.reviews.idle()
    expect((await call('agency', 'GET', '/v1/agency/services/dy-jj-fines/review')).json().review.trigger).toBe('schedule')

    // The agency's server goes down: three failed reviews in a row flag the listed service.
    await app.db.query(`UPDATE service_submissions SET manifest = jsonb_set(manifest, '{endpoint}', '"http://127.0.0.1:9/api"') WHERE service_id = 'dy-jj-fines'`)
    const listed = (await call('agency', 'GET', '/v1/agency/services/dy-jj-fines/review')).json().review.submissionId
    for (let i = 0; i < 3; i++) {
      expect((await call('operator', 'POST', `/v1/admin/submissions/${listed}/review`)).statusCode).toBe(202)
      await app.reviews.idle()
    }
    const own = (await call('agency', 'GET', '/v1/agency/services')).json().services
    expect(own).toContainEqual(expect.objectContaining({ id: 'dy-jj-fines', flagged: true, review: expect.objectContaining({ passed: false }) }))
    const audit = (await call('operator', 'GET', '/v1/admin/audit')).json().entries
    expect(audit).toContainEqual(expect.objectContaining({ action: 'service.review', subject: 'dy-jj-fines' }))
  })

  it('an agency reads only its own reviews; citizens and other roles cannot', async () => {
    const other = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
    const analyst = (await createToken(app.db, { role: 'analyst' })).token
    const as = (token?: string) => app.inject({ url: '/v1/agency/services/dy-jj-fines/review', headers: token ? { authorization: `Bearer ${token}` } : {} })
    expect((await as(other)).statusCode).toBe(404)
    expect((await as(analyst)).statusCode).toBe(403)
    expect((await as()).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/v1/admin/submissions/1/review', headers: { authorization: `Bearer ${tokens.agency}` } })).statusCode).toBe(403)
  })
})

describe('check 20 (feedback) from the service’s poor ratings', () => {
  it('a re-review measures it and updates the stars', async () => {
    // Two declarations fail: 19 of 21 checks pass, 5 stars.
    const res = await call('agency', 'POST', '/v1/agency/services', { ...manifest('dy-jj-rated'), elderFriendly: false, realNameRequired: false })
    await app.reviews.idle()
    const submissionId = res.json().submissionId
    const first = (await call('agency', 'GET', '/v1/agency/services/dy-jj-rated/review')).json().review
    expect(first).toMatchObject({ stars: 5 })
    expect(first.checks.find((c: { id: string }) => c.id === 'feedback')).toMatchObject({ outcome: 'pass', evidence: [expect.stringMatching(/no poor rating/)] })
    expect((await call('operator', 'POST', `/v1/admin/submissions/${submissionId}/list`)).statusCode).toBe(200)
    expect(await catalogStars('dy-jj-rated')).toBe(5)

    // A 差评 a month ago that was never called back: 0 of 1 answered on time.
    const [rating] = await app.db.query<{ id: string }>(
      `INSERT INTO ratings (service_id, agency_id, what, level, rated_at) VALUES ('dy-jj-rated', 'dy-jj', '缴纳交通违法罚款', 1, now() - interval '30 days') RETURNING id`,
    )
    await app.db.query(
      `INSERT INTO rating_tickets (rating_id, agency_id, service_id, callback_due, fix_due, opened_at) VALUES ($1, 'dy-jj', 'dy-jj-rated', now() - interval '29 days', now() - interval '9 days', now() - interval '30 days')`,
      [rating!.id],
    )
    expect((await call('operator', 'POST', `/v1/admin/submissions/${submissionId}/review`)).statusCode).toBe(202)
    await app.reviews.idle()
    const again = (await call('agency', 'GET', '/v1/agency/services/dy-jj-rated/review')).json().review
    expect(again.checks.find((c: { id: string }) => c.id === 'feedback')).toMatchObject({ outcome: 'fail', evidence: [expect.stringMatching(/^0 of 1 poor rating/)] })
    expect(again.stars).toBe(4)
    expect(await catalogStars('dy-jj-rated')).toBe(4)
  })
})
