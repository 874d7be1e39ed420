import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { ConfigError, loadConfig } from '../../server/config'
import { trafficContract } from '../../server/contracts/traffic'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { fetchBounded, prepareRequest } from '../../server/modules/gateway/agency-client'
import { DEVELOPMENT_POLICY, PRODUCTION_POLICY, addressRefusal } from '../../server/modules/gateway/address-policy'
import { createAgencyNetwork, guardedLookup } from '../../server/modules/gateway/agency-network'
import { endpointAddressProblems, endpointShapeProblems, type Resolve } from '../../server/modules/gateway/endpoint-rules'
import type { ServiceManifest } from '../../server/modules/onboarding/manifest-schema'
import { reviewManifest, type ReviewEnv } from '../../server/modules/review/review-manifest'
import { reviewPassed } from '../../src/domain/quality-stars'
import { validManifest } from '../fixtures/manifests'
import { freshDb, testConfig } from '../server/test-app'
import { testMerchantEnv } from '../fixtures/wechat-pay-merchant'

// Issue 16, finding 2. Every real connection here goes to 127.0.0.1; other addresses only ever come from
// a fake resolver, and the checks under test refuse them before any connection is opened.

/** A loopback server that answers 200 {} to everything and records what it was asked. */
async function recorder(): Promise<{ url: string; port: number; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = []
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    paths,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** A resolver that answers these addresses for every name and counts its calls. */
const fakeResolver = (...answers: string[][]): Resolve & { calls: number } => {
  const resolve = Object.assign(
    async () => {
      const list = answers[Math.min(resolve.calls, answers.length - 1)]!
      resolve.calls++
      return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    },
    { calls: 0 },
  )
  return resolve
}

const PRIVATE_ANSWERS = ['10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '127.0.0.1', '::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'fd00::1', 'fe80::1', '0.0.0.0', '224.0.0.1']

describe('address classes (ipaddr.js)', () => {
  it.each(PRIVATE_ANSWERS)('production refuses %s', (address) => {
    expect(addressRefusal(address, PRODUCTION_POLICY)).toMatch(/is (a|an|the) /)
  })

  it('production allows public unicast; development allows loopback', () => {
    expect(addressRefusal('1.1.1.1', PRODUCTION_POLICY)).toBeUndefined()
    expect(addressRefusal('2400:3200::1', PRODUCTION_POLICY)).toBeUndefined()
    expect(addressRefusal('127.0.0.1', DEVELOPMENT_POLICY)).toBeUndefined()
    expect(addressRefusal('::ffff:127.0.0.1', { allowLoopback: false, publicOnly: false })).toMatch(/loopback/)
  })

  it('ONECITY_AGENCY_LOOPBACK: on in development, off in production, and cannot be switched on there', () => {
    expect(loadConfig({}).agencyNetwork).toEqual({ allowLoopback: true, publicOnly: false })
    expect(loadConfig({ ONECITY_AGENCY_LOOPBACK: 'off' }).agencyNetwork).toEqual({ allowLoopback: false, publicOnly: false })
    const wechat = { WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: 's', WECHAT_API_BASE: 'https://api.weixin.qq.com', ONECITY_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), ...testMerchantEnv() }
    expect(loadConfig({ NODE_ENV: 'production', ...wechat }).agencyNetwork).toEqual({ allowLoopback: false, publicOnly: true })
    expect(() => loadConfig({ NODE_ENV: 'production', ...wechat, ONECITY_AGENCY_LOOPBACK: 'on' })).toThrow(ConfigError)
  })
})

describe('endpoint rules at submission', () => {
  it.each([
    ['http://127.0.0.1:9/v1/admin/tokens#', /fragment/],
    ['http://127.0.0.1:9/api#x', /fragment/],
    ['http://127.0.0.1:9/api?', /query/],
    ['https://agency.example.cn/api?x=1', /query/],
  ])('the form of %s is refused in every mode', (endpoint, why) => {
    expect(endpointShapeProblems(endpoint).join()).toMatch(why)
  })

  it('in production a name must resolve to public addresses only (checked with a fake resolver)', async () => {
    for (const address of PRIVATE_ANSWERS) {
      const problems = await endpointAddressProblems('https://agency.example.cn/api', PRODUCTION_POLICY, fakeResolver([address]))
      expect([address, problems.join()]).toEqual([address, expect.stringMatching(/resolves to/)])
    }
    // One private address among public ones is enough to refuse.
    expect(await endpointAddressProblems('https://agency.example.cn', PRODUCTION_POLICY, fakeResolver(['1.1.1.1', '10.0.0.1']))).toHaveLength(1)
    expect(await endpointAddressProblems('https://agency.example.cn', PRODUCTION_POLICY, fakeResolver(['1.1.1.1']))).toEqual([])
    // Development resolves nothing at submission.
    const untouched = fakeResolver(['10.0.0.1'])
    expect(await endpointAddressProblems('https://agency.example.cn', DEVELOPMENT_POLICY, untouched)).toEqual([])
    expect(untouched.calls).toBe(0)
  })
})

describe('the agency API refuses such endpoints (422 MANIFEST_INVALID at path endpoint)', () => {
  let dev: FastifyInstance & { db: Db }
  let prod: FastifyInstance & { db: Db }
  let server: Awaited<ReturnType<typeof recorder>>
  // Production's rules with a fake resolver each test programs; never a real lookup.
  let answers: string[][] = [['1.1.1.1']]
  let calls = 0
  const resolve: Resolve = async () => (answers[Math.min(calls++, answers.length - 1)] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  const program = (...lists: string[][]) => {
    answers = lists
    calls = 0
  }
  const token: Record<string, string> = {}

  beforeAll(async () => {
    server = await recorder()
    const devDb = await freshDb()
    dev = Object.assign(await buildApp(testConfig, { db: devDb, catalogCacheMaxAgeMs: 0 }), { db: devDb })
    const prodDb = await freshDb()
    // A production database: the same agencies, without the demo seed production refuses.
    await prodDb.query(`DELETE FROM seeds WHERE name = 'demo-catalog'`)
    prod = Object.assign(await buildApp({ ...testConfig, production: true, demo: false, agencyNetwork: PRODUCTION_POLICY }, { db: prodDb, catalogCacheMaxAgeMs: 0, resolve }), { db: prodDb })
    token.dev = (await createToken(devDb, { role: 'agency', agencyId: 'deyang-traffic' })).token
    token.prod = (await createToken(prodDb, { role: 'agency', agencyId: 'deyang-traffic' })).token
    token.operator = (await createToken(prodDb, { role: 'operator' })).token
  })
  afterAll(async () => {
    await dev.close()
    await prod.close()
    await dev.db.close()
    await prod.db.close()
    await server.close()
  })

  const submit = (app: FastifyInstance, who: string, endpoint: string) =>
    app.inject({ method: 'POST', url: '/v1/agency/services', headers: { authorization: `Bearer ${token[who]}` }, payload: { ...validManifest('traffic@1'), endpoint } })

  it('development: the fragment trick, a query and user info are refused; nothing is stored or called', async () => {
    const before = await dev.db.query('SELECT id FROM service_submissions')
    for (const endpoint of [`${server.url}/v1/admin/tokens#`, `${server.url}/api?x=`, `http://user:pw@127.0.0.1:${server.port}/api`]) {
      const res = await submit(dev, 'dev', endpoint)
      expect([endpoint, res.statusCode, res.json().error.code]).toEqual([endpoint, 422, 'MANIFEST_INVALID'])
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('endpoint')
    }
    await dev.reviews.idle()
    expect(await dev.db.query('SELECT id FROM service_submissions')).toEqual(before)
    expect(server.paths).toEqual([])
  })

  it('production: plain http, IP literals and names resolving to non-public addresses are refused', async () => {
    program(['1.1.1.1'])
    for (const endpoint of ['http://agency.example.cn/api', 'https://10.0.0.1/api', 'https://[::ffff:7f00:1]/api', 'https://169.254.169.254/latest/meta-data', 'https://localhost/api']) {
      const res = await submit(prod, 'prod', endpoint)
      expect([endpoint, res.statusCode]).toEqual([endpoint, 422])
    }
    for (const address of ['10.0.0.1', '169.254.169.254', '::ffff:127.0.0.1']) {
      program([address])
      const res = await submit(prod, 'prod', 'https://metadata.example.cn/api')
      expect([address, res.statusCode, res.json().error.details[0].message]).toEqual([address, 422, expect.stringMatching(/resolves to/)])
    }
  })

  it('production: a name that passed at submission but resolves to loopback at connect time is never connected to, fails transport and cannot be listed', async () => {
    // DNS rebinding: the first lookup (submission) answers a public address, every later one (connect time) loopback.
    program(['1.1.1.1'], ['127.0.0.1'])
    const res = await submit(prod, 'prod', `https://rebind.example.cn:${server.port}/api`)
    expect(res.statusCode).toBe(200)
    await prod.reviews.idle()
    expect(calls).toBeGreaterThan(1)
    const review = (await prod.inject({ url: '/v1/agency/services/deyang-traffic/review', headers: { authorization: `Bearer ${token.prod}` } })).json().review
    const transport = review.checks.find((c: { id: string }) => c.id === 'transport')
    expect(transport.outcome).toBe('fail')
    expect(transport.evidence.join('\n')).toMatch(/resolves to 127\.0\.0\.1 is a loopback address/)
    expect(review.passed).toBe(false)
    const listed = await prod.inject({
      method: 'POST',
      url: `/v1/admin/submissions/${res.json().submissionId}/list`,
      headers: { authorization: `Bearer ${token.operator}` },
    })
    expect([listed.statusCode, listed.json().error.code]).toEqual([409, 'REVIEW_NOT_PASSED'])
    expect(server.paths).toEqual([])
  })
})

describe('at connect time (the agent the gateway, the review and the probes use)', () => {
  let server: Awaited<ReturnType<typeof recorder>>
  beforeAll(async () => {
    server = await recorder()
  })
  afterAll(() => server.close())

  it('a name resolving to loopback connects only where loopback is allowed (a real loopback connection)', async () => {
    const allowed = createAgencyNetwork(DEVELOPMENT_POLICY, fakeResolver(['127.0.0.1']))
    expect((await fetchBounded(`http://agency.test:${server.port}/ok`, {}, { network: allowed })).status).toBe(200)
    const refused = createAgencyNetwork({ allowLoopback: false, publicOnly: false }, fakeResolver(['127.0.0.1']))
    const answer = await fetchBounded(`http://agency.test:${server.port}/refused`, {}, { network: refused })
    expect(answer).toMatchObject({ failure: 'refused', note: expect.stringMatching(/agency\.test resolves to 127\.0\.0\.1 is a loopback address/) })
    expect(server.paths).toEqual(['/ok'])
  })

  it.each(PRIVATE_ANSWERS)('production refuses a name resolving to %s before connecting', async (address) => {
    const answer = await fetchBounded('https://agency.test/api', {}, { network: createAgencyNetwork(PRODUCTION_POLICY, fakeResolver([address])) })
    expect(answer.failure).toBe('refused')
    expect(answer.status).toBeUndefined()
  })

  it('production refuses IP-literal and plain-http URLs without a lookup', async () => {
    const resolve = fakeResolver(['1.1.1.1'])
    const network = createAgencyNetwork(PRODUCTION_POLICY, resolve)
    for (const url of ['https://10.0.0.1/', 'https://[::ffff:a00:1]/', `https://127.0.0.1:${server.port}/`, 'http://agency.test/']) {
      expect([url, (await fetchBounded(url, {}, { network })).failure]).toEqual([url, 'refused'])
    }
    expect(resolve.calls).toBe(0)
  })

  it('the guarded lookup answers every allowed address (all: true) and refuses a mixed answer', async () => {
    const lookup = guardedLookup(PRODUCTION_POLICY, fakeResolver(['1.1.1.1', '2400:3200::1'], ['1.1.1.1', '10.0.0.1']))
    const first = await new Promise<unknown>((resolve) => lookup('a.test', { all: true }, (err, addresses) => resolve(err ?? addresses)))
    expect(first).toEqual([{ address: '1.1.1.1', family: 4 }, { address: '2400:3200::1', family: 6 }])
    const second = await new Promise<unknown>((resolve) => lookup('a.test', { all: true }, (err) => resolve(err)))
    expect(String(second)).toMatch(/10\.0\.0\.1 is a private address/)
  })
})

describe('the review calls only the operations’ paths under the endpoint', () => {
  let server: Awaited<ReturnType<typeof recorder>>
  beforeAll(async () => {
    server = await recorder()
  })
  afterAll(() => server.close())

  const env = (): ReviewEnv => ({
    now: Date.now,
    production: false,
    limits: { timeoutMs: 2000 },
    loadMs: 200,
    load: async (_origin, measure) => ({ result: await measure(), measuredAt: 'now', reused: false }),
    probe: async (ok) => ({ total: 1, failed: ok ? 0 : 1 }),
  })

  it('the fragment trick reaches nothing: a stored endpoint with "#" is not called at all', async () => {
    const checks = await reviewManifest({ ...validManifest('traffic@1'), endpoint: `${server.url}/v1/admin/tokens#` } as ServiceManifest, 's', env())
    expect(server.paths).toEqual([])
    expect(checks.find((c) => c.id === 'load')!.outcome).toBe('fail')
    expect(checks.find((c) => c.id === 'transport')!.evidence.join()).toMatch(/fragment/)
    expect(reviewPassed(checks)).toBe(false)
  })

  it('every request, the load run’s included, goes to one of the contract’s operation paths under the prefix', async () => {
    await reviewManifest({ ...validManifest('traffic@1'), endpoint: `${server.url}/agency` } as ServiceManifest, 's', env())
    expect(server.paths.length).toBeGreaterThan(20)
    const patterns = trafficContract.operations.map((op) => new RegExp(`^/agency${op.path.replace(/:[A-Za-z]+/g, '[^/?#]+')}(\\?.*)?$`))
    for (const path of server.paths) expect([path, patterns.some((p) => p.test(path))]).toEqual([path, true])
  })

  it('a parameter cannot climb out of the operation path', () => {
    expect(() => prepareRequest('http://127.0.0.1:9/agency', { method: 'GET', path: '/v1/violations/..' })).toThrow(/not an operation path/)
    expect(() => prepareRequest('http://127.0.0.1:9/agency', { method: 'GET', path: '/v1/violations/%2e%2E/x' })).toThrow(/not an operation path/)
    expect(prepareRequest('http://127.0.0.1:9/agency/', { method: 'GET', path: '/v1/violations/a%23b' }).target).toBe('/agency/v1/violations/a%23b')
  })

  it('a failed transport check blocks listing even when everything else passes', () => {
    const pass = (id: string) => ({ id, outcome: 'pass', evidence: [] }) as never
    expect(reviewPassed([pass('available'), pass('contract'), pass('transport')])).toBe(true)
    expect(reviewPassed([pass('available'), pass('contract'), { id: 'transport', outcome: 'fail', evidence: [] }])).toBe(false)
  })
})
