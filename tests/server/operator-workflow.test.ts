import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'
import type { Db } from '../../server/db/db'
import { insertAgency } from '../../server/modules/agencies/repository'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { testApp, testBox } from './test-app'

let app: FastifyInstance & { db: Db }
let mocks: MockAgencies
const tokens: Record<string, string> = {}
const SECRET = 'operator-workflow-secret'

beforeAll(async () => {
  app = await testApp()
  // The agencies' endpoints: simulated agencies that know their secrets, so every submission passes its review.
  mocks = await startMockAgencies({
    tenants: [
      { agencyId: 'dy-jj', contract: 'traffic@1', secret: SECRET },
      { agencyId: 'sc-hrss', contract: 'social-security@1', secret: SECRET },
      { agencyId: 'deyang-traffic', contract: 'traffic@1', secret: SECRET },
    ],
  })
  const signingSecret = testBox.seal(SECRET)
  await insertAgency(app.db, { id: 'dy-jj', name: '德阳市公安局交警支队', region: '510600', domains: ['traffic', 'vehicle'], signingSecret })
  await insertAgency(app.db, { id: 'sc-hrss', name: '四川省人力资源和社会保障厅', region: '51', domains: ['social-security'], signingSecret })
  await app.db.query(`UPDATE agencies SET signing_secret = $1 WHERE id = 'deyang-traffic'`, [signingSecret])
  tokens.cityAgency = (await createToken(app.db, { role: 'agency', agencyId: 'dy-jj' })).token
  tokens.provinceAgency = (await createToken(app.db, { role: 'agency', agencyId: 'sc-hrss' })).token
  tokens.owner = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
  tokens.operator = (await createToken(app.db, { role: 'operator' })).token
})
afterAll(async () => {
  await app.close()
  await mocks.stop()
})

const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` })
const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: auth(who), ...(payload ? { payload } : {}) })
const AGENCY_OF: Record<string, string> = { cityAgency: 'dy-jj', provinceAgency: 'sc-hrss', owner: 'deyang-traffic' }
/** Submits with the agency's simulated endpoint and waits for the review. */
const submit = async (who: string, manifest: object) => {
  const res = await call(who, 'POST', '/v1/agency/services', { ...manifest, endpoint: mocks.endpointOf(AGENCY_OF[who]!) })
  await app.reviews.idle()
  return res.json().submissionId as number
}
const catalogIds = async (city: string): Promise<{ id: string; name: string; availability?: unknown }[]> => {
  const body = (await app.inject(`/v1/catalog?city=${city}`)).json()
  return [...body.local, ...body.national].flatMap((g: { services: { id: string; name: string; availability?: unknown }[] }) => g.services)
}

describe('the operator’s review queue and decisions', () => {
  it('a listed city service appears in its city’s catalog, and only there', async () => {
    const id = await submit('cityAgency', { ...validManifest('traffic@1'), id: 'dy-jj-fines', name: '德阳罚款缴纳' })
    const queue = (await call('operator', 'GET', '/v1/admin/submissions')).json().submissions
    expect(queue).toContainEqual(expect.objectContaining({ id, serviceId: 'dy-jj-fines', agencyId: 'dy-jj', status: 'in-review' }))

    const listed = await call('operator', 'POST', `/v1/admin/submissions/${id}/list`)
    expect(listed.statusCode).toBe(200)
    expect((await catalogIds('510600')).map((s) => s.id)).toContain('dy-jj-fines')
    expect((await catalogIds('440300')).map((s) => s.id)).not.toContain('dy-jj-fines')
    const own = (await call('cityAgency', 'GET', '/v1/agency/services')).json().services
    expect(own).toContainEqual(expect.objectContaining({ id: 'dy-jj-fines', status: 'listed' }))

    expect((await call('operator', 'POST', `/v1/admin/submissions/${id}/list`)).statusCode).toBe(409)
  })

  it('a province-wide service shows in every city of the province', async () => {
    const manifest = { ...validManifest('social-security@1'), id: 'sc-ecard', coverage: { level: 'province', code: '51' } }
    const id = await submit('provinceAgency', manifest)
    await call('operator', 'POST', `/v1/admin/submissions/${id}/list`)
    for (const city of ['510100', '510600', '513400']) expect((await catalogIds(city)).map((s) => s.id)).toContain('sc-ecard')
    expect((await catalogIds('440300')).map((s) => s.id)).not.toContain('sc-ecard')
  })

  it('a rejection carries reasons the agency can read; the service stays out of the catalog', async () => {
    const id = await submit('cityAgency', { ...validManifest('traffic@1'), id: 'dy-jj-draft', name: '德阳测试服务' })
    expect((await call('operator', 'POST', `/v1/admin/submissions/${id}/reject`, { reasons: [] })).statusCode).toBe(400)
    const res = await call('operator', 'POST', `/v1/admin/submissions/${id}/reject`, { reasons: ['办事指南缺少收费标准', '客服电话无法接通'] })
    expect(res.statusCode).toBe(200)

    const own = (await call('cityAgency', 'GET', '/v1/agency/services/dy-jj-draft')).json()
    expect(own.status).toBe('rejected')
    const rejected = (await call('operator', 'GET', '/v1/admin/submissions?status=rejected')).json().submissions
    expect(rejected).toContainEqual(expect.objectContaining({ id, reasons: ['办事指南缺少收费标准', '客服电话无法接通'] }))
    expect((await catalogIds('510600')).map((s) => s.id)).not.toContain('dy-jj-draft')
  })

  it('a changed manifest of a listed service goes live only when listed', async () => {
    const id = await submit('owner', { ...validManifest('traffic@1'), name: '德阳交通违法处理' })
    expect((await catalogIds('510600')).find((s) => s.id === 'deyang-traffic')!.name).toBe('交通违法')
    await call('operator', 'POST', `/v1/admin/submissions/${id}/list`)
    expect((await catalogIds('510600')).find((s) => s.id === 'deyang-traffic')!.name).toBe('德阳交通违法处理')
  })

  it('suspending a listed service makes its tile say 暂停服务 in every catalog instead of opening', async () => {
    expect((await call('operator', 'POST', '/v1/admin/services/sc-ecard/suspend', { reason: '接口连续故障' })).statusCode).toBe(200)
    expect((await catalogIds('510600')).find((s) => s.id === 'sc-ecard')).toMatchObject({ availability: { state: 'suspended' } })
    expect((await call('operator', 'POST', '/v1/admin/services/sc-ecard/suspend', { reason: '再次暂停' })).statusCode).toBe(409)
    expect((await call('operator', 'POST', '/v1/admin/services/no-such-service/suspend', { reason: '不存在' })).statusCode).toBe(404)
  })

  it('records every decision in the audit log, newest first', async () => {
    const entries = (await call('operator', 'GET', '/v1/admin/audit')).json().entries
    const actions = entries.map((e: { action: string; subject: string }) => `${e.action} ${e.subject}`)
    expect(actions[0]).toBe('service.suspend sc-ecard')
    expect(actions).toEqual(expect.arrayContaining(['service.list dy-jj-fines', 'service.reject dy-jj-draft', 'service.submit dy-jj-fines']))
    expect(entries.find((e: { action: string }) => e.action === 'service.reject').detail.reasons).toHaveLength(2)
    expect(entries.find((e: { action: string }) => e.action === 'service.list').actor).toMatch(/^operator:[a-z0-9]{10}$/)
  })

  it('agencies cannot use the operator’s workflow', async () => {
    expect((await call('cityAgency', 'GET', '/v1/admin/submissions')).statusCode).toBe(403)
    expect((await call('cityAgency', 'POST', '/v1/admin/submissions/1/list')).statusCode).toBe(403)
    expect((await call('cityAgency', 'GET', '/v1/admin/audit')).statusCode).toBe(403)
  })
})
