import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { testApp, testBox } from './test-app'
import { consoleCookie } from './console-cookie'

let app: FastifyInstance & { db: Db }
let agency: string
let operator: string
let mocks: MockAgencies

beforeAll(async () => {
  app = await testApp()
  mocks = await startMockAgencies({ tenants: [{ agencyId: 'deyang-traffic', contract: 'traffic@1', secret: 'console-secret' }] })
  await app.db.query(`UPDATE agencies SET signing_secret = $1 WHERE id = 'deyang-traffic'`, [testBox.seal('console-secret')])
  agency = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
  operator = (await createToken(app.db, { role: 'operator' })).token
})
afterAll(async () => {
  await app.close()
  await mocks.stop()
})

const ORIGIN = 'http://localhost'

describe('the console shows the review module’s results', () => {
  it('after a submission the agency and the operator see every check with its evidence', async () => {
    // An endpoint nobody answers: the review finishes quickly, with failed checks and their evidence.
    const manifest = { ...validManifest('traffic@1'), endpoint: 'http://127.0.0.1:9/api' }
    const res = await app.inject({
      method: 'POST',
      url: '/console/agency/services/deyang-traffic/edit',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: await consoleCookie(app, agency), origin: ORIGIN },
      payload: new URLSearchParams({ manifest: JSON.stringify(manifest) }).toString(),
    })
    expect(res.statusCode).toBe(303)
    await app.reviews.idle()

    const page = await app.inject({ url: '/console/agency/services/deyang-traffic', headers: { cookie: await consoleCookie(app, agency) } })
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('http-equiv="refresh"')
    const rows = page.body.match(/<tr><td>[^<]+<\/td><td><code>[a-z-]+<\/code><\/td><td><span class="badge (pass|fail|na)">/g) ?? []
    expect(rows).toHaveLength(21)
    expect(page.body).toMatch(/<td><code>available<\/code><\/td><td><span class="badge fail">[\s\S]*?未通过/)
    expect(page.body).toMatch(/\d 星/)

    const submissionId = (await app.inject({ url: '/v1/agency/services/deyang-traffic', headers: { authorization: `Bearer ${agency}` } })).json().submission.id
    const admin = await app.inject({ url: `/console/admin/submissions/${submissionId}`, headers: { cookie: await consoleCookie(app, operator) } })
    expect(admin.body).toContain('<code>available</code>')
    const listed = await app.inject({ method: 'POST', url: `/console/admin/submissions/${submissionId}/list`, headers: { cookie: await consoleCookie(app, operator), origin: ORIGIN } })
    expect(listed.statusCode).toBe(409)
    expect(listed.body).toContain('role="alert"')
  })

  it('a submission that passed is listed from the console, and the listed service can be suspended there', async () => {
    const cookie = async (token: string) => ({ cookie: await consoleCookie(app, token) })
    const manifest = { ...validManifest('traffic@1'), id: 'deyang-traffic', endpoint: mocks.endpointOf('deyang-traffic') }
    await app.inject({
      method: 'POST',
      url: '/console/agency/services/deyang-traffic/edit',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(await cookie(agency)), origin: ORIGIN },
      payload: new URLSearchParams({ manifest: JSON.stringify(manifest) }).toString(),
    })
    await app.reviews.idle()
    const submissionId = (await app.inject({ url: '/v1/agency/services/deyang-traffic', headers: { authorization: `Bearer ${agency}` } })).json().submission.id
    const listed = await app.inject({ method: 'POST', url: `/console/admin/submissions/${submissionId}/list`, headers: { ...(await cookie(operator)), origin: ORIGIN } })
    expect(listed.statusCode).toBe(303)

    const page = await app.inject({ url: `/console/admin/submissions/${submissionId}`, headers: await cookie(operator) })
    expect(page.body).toContain(`action="/console/admin/submissions/${submissionId}/suspend"`)
    const suspended = await app.inject({
      method: 'POST',
      url: `/console/admin/submissions/${submissionId}/suspend`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(await cookie(operator)), origin: ORIGIN },
      payload: 'reason=' + encodeURIComponent('接口连续故障'),
    })
    expect(suspended.statusCode).toBe(303)
    const own = (await app.inject({ url: '/v1/agency/services/deyang-traffic', headers: { authorization: `Bearer ${agency}` } })).json()
    expect(own.status).toBe('suspended')
  })
})
