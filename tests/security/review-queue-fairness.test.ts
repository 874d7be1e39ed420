import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { insertAgency } from '../../server/modules/agencies/repository'
import { createToken } from '../../server/modules/auth/service'
import type { ServiceManifest } from '../../server/modules/onboarding/manifest-schema'
import { insertSubmission } from '../../server/modules/onboarding/repository'
import { claimNextReview, enqueueReview } from '../../server/modules/review/repository'
import { validManifest } from '../fixtures/manifests'
import { freshDb, testConfig } from '../server/test-app'

// Issue 16, finding 5: one agency's 60 submissions to a slow endpoint delayed another agency's review by 40 minutes.

const manifest = (id: string, endpoint = 'http://127.0.0.1:9/api') => ({ ...validManifest('traffic@1'), id, endpoint }) as ServiceManifest

describe('the review queue takes turns between agencies', () => {
  it("agency A has many queued; agency B's one submission is reviewed next", async () => {
    const db = await freshDb()
    try {
      await insertAgency(db, { id: 'queue-a', name: '甲机构', region: '510600', domains: ['traffic'] })
      await insertAgency(db, { id: 'queue-b', name: '乙机构', region: '510600', domains: ['traffic'] })
      const queue = async (agencyId: string, serviceId: string) => {
        const { submissionId } = await insertSubmission(db, agencyId, manifest(serviceId))
        return enqueueReview(db, { serviceId, submissionId, trigger: 'submit' })
      }
      for (let i = 1; i <= 20; i++) await queue('queue-a', `queue-a-${i}`)
      await queue('queue-b', 'queue-b-1')
      const order: string[] = []
      for (let i = 0; i < 4; i++) order.push((await claimNextReview(db))!.agencyId)
      expect(order).toEqual(['queue-a', 'queue-b', 'queue-a', 'queue-a'])
    } finally {
      await db.close()
    }
  }, 120_000)
})

describe('per-agency quota of submissions waiting for review', () => {
  let app: FastifyInstance & { db: Db }
  let hanging: Server
  let endpoint: string
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    // A loopback endpoint that never answers keeps each review running (until its 1 s timeout).
    hanging = createServer(() => undefined)
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/api`
    const db = await freshDb()
    const config = { ...testConfig, review: { ...testConfig.review, queuePerAgency: 3 }, citizen: { ...testConfig.citizen, agencyTimeoutMs: 1000 } }
    app = Object.assign(await buildApp(config, { db, reviewConcurrency: 1 }), { db })
    await insertAgency(db, { id: 'quota-a', name: '甲机构', region: '510600', domains: ['traffic'] })
    await insertAgency(db, { id: 'quota-b', name: '乙机构', region: '510600', domains: ['traffic'] })
    tokens.a = (await createToken(db, { role: 'agency', agencyId: 'quota-a' })).token
    tokens.b = (await createToken(db, { role: 'agency', agencyId: 'quota-b' })).token
  })
  afterAll(async () => {
    await app.close()
    await app.db.close()
    hanging.closeAllConnections()
    await new Promise((resolve) => hanging.close(resolve))
  })

  const submit = (who: string, id: string) =>
    app.inject({ method: 'POST', url: '/v1/agency/services', headers: { authorization: `Bearer ${tokens[who]}` }, payload: manifest(id, endpoint) })

  it('the fourth waiting submission is refused with 429 REVIEW_QUEUE_FULL; another agency still gets in', async () => {
    for (let i = 1; i <= 3; i++) expect((await submit('a', `quota-a-${i}`)).statusCode).toBe(201)
    const refused = await submit('a', 'quota-a-4')
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['retry-after']).toBe('60')
    expect(refused.json().error).toMatchObject({ code: 'REVIEW_QUEUE_FULL', message: expect.stringMatching(/at most 3.*最多 3 个/) })
    expect(await app.db.query(`SELECT id FROM services WHERE id = 'quota-a-4'`)).toEqual([])
    expect((await submit('b', 'quota-b-1')).statusCode).toBe(201)
  }, 120_000)
})
