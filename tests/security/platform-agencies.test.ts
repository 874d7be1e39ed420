import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { insertAgency } from '../../server/modules/agencies/repository'
import { newSigningSecret } from '../../server/modules/agencies/signing-secret'
import { createToken } from '../../server/modules/auth/service'
import { insertService } from '../../server/modules/catalog/repository'
import { platformAgency } from '../../server/modules/gateway/agency-targets'
import { testApp, testBox } from '../server/test-app'

// Issue 16, finding 10: the platform's identity and payment agencies were whichever listed national
// identity@1 / payment@1 service sorted first by id, and any national agency could submit one.

let app: FastifyInstance & { db: Db }
let operator: string

const nationalService = (id: string, contract: string, agencyId: string) => ({
  id, agencyId, contract, name: '身份核验服务', summary: '实名核验', icon: 'household', domain: 'household' as const, type: 'government' as const,
  coverage: { level: 'national' as const }, items: [{ id: `${id}-1`, name: '身份核验', kind: 'query' as const }],
  endpoint: 'http://127.0.0.1:9/api', status: 'listed' as const, stars: 5,
})

beforeAll(async () => {
  app = await testApp()
  operator = (await createToken(app.db, { role: 'operator' })).token
  // Another national agency lists services of both contracts whose ids sort before the demo's.
  await insertAgency(app.db, { id: 'aaa-rogue', name: '某全国机构', region: 'national', domains: ['household', 'other'], signingSecret: newSigningSecret(testBox).sealed })
  await insertService(app.db, nationalService('aaa-identity', 'identity@1', 'aaa-rogue'))
  await insertService(app.db, nationalService('aaa-pay', 'payment@1', 'aaa-rogue'))
})
afterAll(() => app.close())

const put = (body: object, token = operator) =>
  app.inject({ method: 'PUT', url: '/v1/admin/platform-agencies', headers: { authorization: `Bearer ${token}` }, payload: body })

describe('designated platform agencies', () => {
  it('development: the demo designates its simulated identity and payment agencies', async () => {
    const res = await app.inject({ url: '/v1/admin/platform-agencies', headers: { authorization: `Bearer ${operator}` } })
    expect(res.json().agencies).toEqual([
      expect.objectContaining({ contract: 'identity@1', serviceId: 'cn-identity', designatedBy: 'demo:seed' }),
      expect.objectContaining({ contract: 'payment@1', serviceId: 'cn-pay', designatedBy: 'demo:seed' }),
    ])
  })

  it('another listed national identity@1 / payment@1 service does not become the platform’s, even sorting first', async () => {
    expect((await platformAgency(app.db, testBox, 'identity@1')).serviceId).toBe('cn-identity')
    expect((await platformAgency(app.db, testBox, 'payment@1')).serviceId).toBe('cn-pay')
    // Nor can it send payment notifications: only WeChat Pay's, signed with its key, are taken.
    const notify = await app.inject({ method: 'POST', url: '/v1/payments/notify/aaa-rogue', payload: {} })
    expect(notify.statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/v1/payments/wechatpay/notify', payload: {} })).statusCode).toBe(401)
  })

  it('an operator designates one, with an audit line; only a listed national service of that contract', async () => {
    expect((await put({ contract: 'identity@1', serviceId: 'cn-pay' })).json().error.code).toBe('CONTRACT_MISMATCH')
    expect((await put({ contract: 'identity@1', serviceId: 'no-such-service' })).statusCode).toBe(404)
    const agency = (await createToken(app.db, { role: 'agency', agencyId: 'aaa-rogue' })).token
    expect((await put({ contract: 'identity@1', serviceId: 'aaa-identity' }, agency)).statusCode).toBe(403)

    const res = await put({ contract: 'identity@1', serviceId: 'aaa-identity' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ contract: 'identity@1', serviceId: 'aaa-identity', designatedBy: expect.stringMatching(/^operator:/) })
    expect((await platformAgency(app.db, testBox, 'identity@1')).serviceId).toBe('aaa-identity')
    const [audit] = await app.db.query<{ action: string; subject: string; detail: object }>(
      `SELECT action, subject, detail FROM audit_log WHERE action = 'platform.designate' ORDER BY id DESC LIMIT 1`,
    )
    expect(audit).toEqual({ action: 'platform.designate', subject: 'identity@1', detail: { serviceId: 'aaa-identity', previous: 'cn-identity' } })
  })

  it('with none designated, the function is unavailable (503), not the first listed service', async () => {
    await app.db.query(`DELETE FROM platform_agencies WHERE contract = 'payment@1'`)
    await expect(platformAgency(app.db, testBox, 'payment@1')).rejects.toMatchObject({ statusCode: 503, code: 'AGENCY_NOT_LISTED' })
  })
})
