import type { Static } from 'typebox'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Operation } from '../../server/contracts/common'
import * as hospital from '../../server/contracts/hospital'
import * as hospitalApi from '../../src/api/hospital'
import * as housingFund from '../../server/contracts/housing-fund'
import * as housingFundApi from '../../src/api/housing-fund'
import * as identity from '../../server/contracts/identity'
import * as payment from '../../server/contracts/payment'
import { MAX_SKEW_MS, signRequest } from '../../server/contracts/signing'
import * as socialSecurity from '../../server/contracts/social-security'
import * as socialSecurityApi from '../../src/api/social-security'
import * as traffic from '../../server/contracts/traffic'
import * as trafficApi from '../../src/api/traffic'
import { ErrorBody } from '../../server/errors'
import { type MockAgencies, type MockTenant, startMockAgencies } from '../../mock/serve'
import { unmaskedPii } from '../fixtures/signed-inject'

const NOW = Date.parse('2025-06-18T10:00:00+08:00')
const DELAY_MS = 500
const vehicle = { plate: '川A12345', plateType: '02', engineTail: '12345A' }
const citizen = { name: '王五', idNumber: '110101200001010037' }
const secretOf = (agencyId: string) => `secret-of-${agencyId}`
const tenant = (agencyId: string, contract: MockTenant['contract'], faults?: MockTenant['faults']): MockTenant => ({
  agencyId,
  contract,
  secret: secretOf(agencyId),
  ...(faults ? { faults } : {}),
})

const TENANTS: MockTenant[] = [
  tenant('traffic-a', 'traffic@1'),
  tenant('traffic-b', 'traffic@1'),
  tenant('hospital', 'hospital@1'),
  tenant('identity', 'identity@1'),
  tenant('payment', 'payment@1'),
  tenant('social-security', 'social-security@1'),
  tenant('housing-fund', 'housing-fund@1'),
  tenant('wrong-schema', 'traffic@1', { wrongSchema: true }),
  tenant('server-error', 'traffic@1', { serverErrorOnBadInput: true }),
  tenant('accept-unsigned', 'identity@1', { acceptUnsigned: true }),
  tenant('echo-id', 'housing-fund@1', { echoIdNumber: true }),
  tenant('slow', 'identity@1', { delayMs: DELAY_MS }),
]

let agencies: MockAgencies
beforeAll(async () => {
  agencies = await startMockAgencies({ tenants: TENANTS, now: () => NOW })
})
afterAll(() => agencies.stop())

interface Call {
  method?: 'GET' | 'POST'
  body?: unknown
  /** Raw body text instead of `body` (malformed JSON). */
  rawBody?: string
  /** Signing secret: the tenant's own by default; null sends the request unsigned. */
  secret?: string | null
  /** Signing time; NOW by default. */
  now?: number
  /** The target to sign when it should differ from the one sent. */
  signedTarget?: string
  /** Reuse these signature headers (replay). */
  headers?: Record<string, string>
}

interface Answer {
  status: number
  contentType: string
  text: string
  json(): any
  headers: Record<string, string>
}

/** A real HTTP request to `path` of tenant `agencyId`, signed over the full target the host receives. */
async function send(agencyId: string, path: string, call: Call = {}): Promise<Answer> {
  const method = call.method ?? (call.body === undefined && call.rawBody === undefined ? 'GET' : 'POST')
  const url = new URL(agencies.url + `/${agencyId}${path}`)
  const text = call.rawBody ?? (call.body === undefined ? '' : JSON.stringify(call.body))
  const secret = call.secret === undefined ? secretOf(agencyId) : call.secret
  const headers =
    call.headers ?? (secret === null ? {} : signRequest({ method, target: call.signedTarget ?? url.pathname + url.search, body: text }, secret, call.now ?? NOW))
  const res = await fetch(url, { method, headers: { ...headers, ...(text ? { 'content-type': 'application/json' } : {}) }, ...(text ? { body: text } : {}) })
  const body = await res.text()
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: body, json: () => JSON.parse(body), headers }
}

function expectError(res: Answer, status: number, code: string): void {
  expect(res.status).toBe(status)
  expect(Value.Check(ErrorBody, res.json())).toBe(true)
  expect(res.json().error.code).toBe(code)
}

const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now()
  const result = await run()
  return [result, performance.now() - start]
}

describe('startMockAgencies: one host, many tenants', () => {
  it('listens on 127.0.0.1; each tenant’s endpoint is the host URL plus its id', () => {
    expect(agencies.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(agencies.endpointOf('traffic-a')).toBe(`${agencies.url}/traffic-a`)
    expect(() => agencies.endpointOf('nobody')).toThrow(/nobody/)
  })

  it('refuses malformed and repeated agency ids', async () => {
    await expect(startMockAgencies({ tenants: [tenant('Traffic_A', 'traffic@1')] })).rejects.toThrow(/Traffic_A/)
    await expect(startMockAgencies({ tenants: [tenant('a', 'traffic@1'), tenant('a', 'identity@1')] })).rejects.toThrow(/twice/)
  })

  it('two tenants of one contract each accept only their own secret', async () => {
    for (const [self, other] of [
      ['traffic-a', 'traffic-b'],
      ['traffic-b', 'traffic-a'],
    ] as const) {
      expect((await send(self, '/v1/violations/query', { body: vehicle })).status).toBe(200)
      expectError(await send(self, '/v1/violations/query', { body: vehicle, secret: secretOf(other) }), 401, 'SIGNATURE_INVALID')
    }
  })

  it('the signature covers the target as received, tenant prefix included', async () => {
    expectError(await send('traffic-a', '/v1/violations/query', { body: vehicle, signedTarget: '/v1/violations/query' }), 401, 'SIGNATURE_INVALID')
    const query = `/v1/hospitals/people-1/schedule?departmentId=cardiology&date=2025-06-19`
    expect((await send('hospital', query)).status).toBe(200)
    expectError(await send('hospital', query, { signedTarget: `/hospital${query.replace('06-19', '06-20')}` }), 401, 'SIGNATURE_INVALID')
  })

  it('each tenant has its own state: a fine paid at tenant A is still unpaid at tenant B', async () => {
    const { violations } = (await send('traffic-a', '/v1/violations/query', { body: { ...vehicle, plate: '川F6E5D4' } })).json() as Static<typeof trafficApi.ViolationList>
    const payable = violations.find((v) => v.payableOnline && v.status === 'unpaid')!
    const detail = (await send('traffic-a', `/v1/violations/${payable.id}`)).json() as trafficApi.ViolationDetailT
    const paid = await send('traffic-a', '/v1/violations/pay', { body: { violationId: payable.id, orderId: 'ORD-tenant-a-1', amountFen: detail.payableFen } })
    expect(paid.status).toBe(200)

    const statusAt = async (agencyId: string) => {
      const list = (await send(agencyId, '/v1/violations/query', { body: { ...vehicle, plate: '川F6E5D4' } })).json() as Static<typeof trafficApi.ViolationList>
      return list.violations.find((v) => v.id === payable.id)?.status
    }
    expect(await statusAt('traffic-a')).toBe('paid')
    expect(await statusAt('traffic-b')).toBe('unpaid')
  })

  it('each tenant has its own replay guard: a nonce used at A is fresh at B', async () => {
    const nonce = 'shared-nonce-0001'
    for (const agencyId of ['traffic-a', 'traffic-b']) {
      const target = `/${agencyId}/v1/violations/query`
      const headers = signRequest({ method: 'POST', target, body: JSON.stringify(vehicle) }, secretOf(agencyId), NOW, nonce)
      expect((await send(agencyId, '/v1/violations/query', { body: vehicle, headers })).status).toBe(200)
      expectError(await send(agencyId, '/v1/violations/query', { body: vehicle, headers }), 401, 'SIGNATURE_REPLAYED')
    }
  })

  it('an unknown tenant or path → 404 in the uniform error body', async () => {
    expectError(await send('nobody', '/v1/violations/query', { body: vehicle }), 404, 'NOT_FOUND')
    expectError(await send('nobody', ''), 404, 'NOT_FOUND')
    expectError(await send('traffic-a', '/v1/nothing-here', { body: vehicle }), 404, 'NOT_FOUND')
    const root = await fetch(`${agencies.url}/`)
    expect(root.status).toBe(404)
    expect(Value.Check(ErrorBody, await root.json())).toBe(true)
  })

  const TABLES = [
    [traffic, 'traffic-a'],
    [hospital, 'hospital'],
    [identity, 'identity'],
    [payment, 'payment'],
    [socialSecurity, 'social-security'],
    [housingFund, 'housing-fund'],
  ] as const
  it.each(TABLES.map(([t, id]) => [t.CONTRACT, t.operations as readonly Operation[], id] as const))(
    '%s: every operation is served under the tenant prefix',
    async (_contract, operations, agencyId) => {
      for (const op of operations.filter((o) => o.kind === 'call')) {
        const path = op.path.replace(/:[A-Za-z]+/g, 'x')
        const res = await send(agencyId, path, op.method === 'GET' ? {} : { body: {} })
        // Routed to the operation: its own validation or contract error, never the host's 404.
        expect(res.status, `${op.method} ${path}`).toBeGreaterThanOrEqual(200)
        expect(res.status).toBeLessThan(500)
        if (res.status >= 400) expect(res.json().error.code, `${op.method} ${path}`).not.toBe('NOT_FOUND')
      }
    },
  )

  it.each([
    ['traffic-a', '/v1/violations/query', vehicle, trafficApi.ViolationList],
    ['hospital', '/v1/hospitals', undefined, hospitalApi.HospitalList],
    ['identity', '/v1/identity/verify', citizen, identity.VerifyResult],
    ['payment', '/v1/orders', { orderId: 'ORD-serve-1', amountFen: 100, description: '交通违法罚款', notifyUrl: 'http://127.0.0.1:1/notify' }, payment.Prepay],
    ['social-security', '/v1/insured/query', { idNumber: '510600199001010010' }, socialSecurityApi.InsuredStatus],
    ['housing-fund', '/v1/account/query', { idNumber: '510600199001010010' }, housingFundApi.Account],
  ] as const)('%s answers %s with its contract schema', async (agencyId, path, body, schema) => {
    const res = await send(agencyId, path, body === undefined ? {} : { body })
    expect(res.status).toBe(200)
    expect(Value.Check(schema, res.json())).toBe(true)
  })
})

describe('fault injection, next to a good tenant on the same host', () => {
  it('wrongSchema: 200 answers wrapped in { data }, 4xx unchanged', async () => {
    const good = await send('traffic-a', '/v1/violations/query', { body: vehicle })
    const broken = await send('wrong-schema', '/v1/violations/query', { body: vehicle })
    expect(Value.Check(trafficApi.ViolationList, good.json())).toBe(true)
    expect(broken.status).toBe(200)
    expect(broken.contentType).toMatch(/^application\/json/)
    expect(Value.Check(trafficApi.ViolationList, broken.json())).toBe(false)
    expect(broken.json()).toEqual({ data: good.json() })

    const missing = { ...vehicle, plate: '川A00000' }
    const goodError = await send('traffic-a', '/v1/violations/query', { body: missing })
    const brokenError = await send('wrong-schema', '/v1/violations/query', { body: missing })
    expectError(brokenError, 404, 'VEHICLE_NOT_FOUND')
    expect(brokenError.json()).toEqual(goodError.json())
  })

  it('serverErrorOnBadInput: 400s become plain-text 500s; signature and contract errors stay', async () => {
    const bad: Call[] = [{ body: { ...vehicle, plate: '川A1234' } }, { rawBody: '{"plate":' }, { method: 'POST' }]
    for (const call of bad) {
      const good = await send('traffic-a', '/v1/violations/query', call)
      expect(good.status).toBe(400)
      expect(['VALIDATION_FAILED', 'INVALID_JSON']).toContain(good.json().error.code)
      const broken = await send('server-error', '/v1/violations/query', call)
      expect(broken.status).toBe(500)
      expect(broken.contentType).toMatch(/^text\/plain/)
      expect(broken.text).toBe('Internal Server Error')
    }
    expectError(await send('server-error', '/v1/violations/query', { body: vehicle, secret: null }), 401, 'SIGNATURE_REQUIRED')
    expectError(await send('server-error', '/v1/violations/query', { body: { ...vehicle, plate: '川A00000' } }), 404, 'VEHICLE_NOT_FOUND')
    expect((await send('server-error', '/v1/violations/query', { body: vehicle })).status).toBe(200)
  })

  it('acceptUnsigned: unsigned, wrongly signed, stale and replayed requests are all served', async () => {
    const path = '/v1/identity/verify'
    const replay = signRequest({ method: 'POST', target: `/accept-unsigned${path}`, body: JSON.stringify(citizen) }, secretOf('accept-unsigned'), NOW)
    const calls: Call[] = [
      { body: citizen, secret: null },
      { body: citizen, secret: 'not-the-secret' },
      { body: citizen, now: NOW - MAX_SKEW_MS - 1000 },
      { body: citizen, headers: replay },
      { body: citizen, headers: replay },
    ]
    for (const call of calls) expect((await send('accept-unsigned', path, call)).status).toBe(200)
    expectError(await send('identity', path, { body: citizen, secret: null }), 401, 'SIGNATURE_REQUIRED')
    expectError(await send('accept-unsigned', path, { body: { name: 'x' } }), 400, 'VALIDATION_FAILED')
  })

  it('echoIdNumber: 4xx messages leak the request’s ID number; other answers unchanged', async () => {
    const minor = '510600201501010011'
    const cases: [Call, number, string][] = [
      [{ body: { idNumber: minor } }, 404, 'ACCOUNT_NOT_FOUND'],
      [{ body: { idNumber: minor, extra: 1 } }, 400, 'VALIDATION_FAILED'],
      [{ body: { idNumber: minor }, secret: null }, 401, 'SIGNATURE_REQUIRED'],
    ]
    for (const [call, status, code] of cases) {
      const good = await send('housing-fund', '/v1/account/query', call)
      const broken = await send('echo-id', '/v1/account/query', call)
      expectError(good, status, code)
      expectError(broken, status, code)
      expect(unmaskedPii(good.text)).toEqual([])
      expect(broken.json().error.message).toBe(`${good.json().error.message} (${minor})`)
    }
    // No ID number in the request, or a 200: nothing changes.
    const noId = { body: { idNumber: 'x' } }
    expect((await send('echo-id', '/v1/account/query', noId)).json()).toEqual((await send('housing-fund', '/v1/account/query', noId)).json())
    const adult = { body: { idNumber: '510600199001010010' } }
    const ok = await send('echo-id', '/v1/account/query', adult)
    expect(ok.status).toBe(200)
    expect(ok.json()).toEqual((await send('housing-fund', '/v1/account/query', adult)).json())
  })

  it('delayMs: every answer, whatever its status, waits; the good tenant does not', async () => {
    const calls: [Call, number][] = [
      [{ body: citizen }, 200],
      [{ body: { name: 'x' } }, 400],
      [{ body: citizen, secret: null }, 401],
    ]
    for (const [call, status] of calls) {
      const [slow, slowMs] = await timed(() => send('slow', '/v1/identity/verify', call))
      const [fast, fastMs] = await timed(() => send('identity', '/v1/identity/verify', call))
      expect([slow.status, fast.status]).toEqual([status, status])
      expect(slowMs).toBeGreaterThanOrEqual(DELAY_MS - 5)
      expect(fastMs).toBeLessThan(slowMs)
    }
    const [missing, missingMs] = await timed(() => send('slow', '/v1/nothing-here'))
    expectError(missing, 404, 'NOT_FOUND')
    expect(missingMs).toBeGreaterThanOrEqual(DELAY_MS - 5)
  })
})
