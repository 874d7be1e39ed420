import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, type MockTenant, startMockAgencies } from '../../mock/serve'
import type { AgencyFaults } from '../../mock/shared/agency-app'
import { TYPED_CONTRACTS, type TypedContract } from '../../server/contracts'
import type { ServiceManifest } from '../../server/modules/onboarding/manifest-schema'
import { type ReviewEnv, reviewManifest } from '../../server/modules/review/review-manifest'
import { type CheckResult, QUALITY_CHECKS, starsFor } from '../../src/domain/quality-stars'
import { validManifest } from '../fixtures/manifests'

const SECRET = 'review-test-secret'
// Every typed contract's suite runs against its simulated agency.
const CONTRACTS: readonly TypedContract[] = TYPED_CONTRACTS
const BROKEN: [string, AgencyFaults, string][] = [
  ['wrong-schema', { wrongSchema: true }, 'contract'],
  ['server-error', { serverErrorOnBadInput: true }, 'errors'],
  ['unsigned-ok', { acceptUnsigned: true }, 'signature'],
  ['echo-id', { echoIdNumber: true }, 'pii-masking'],
  ['slow', { delayMs: 3000 }, 'speed'],
]

let mocks: MockAgencies
let hostile: Server
let hostileUrl: string

beforeAll(async () => {
  const tenants: MockTenant[] = [
    ...CONTRACTS.map((contract) => ({ agencyId: `good-${contract.replace('@1', '')}`, contract, secret: SECRET })),
    ...BROKEN.map(([id, faults]) => ({ agencyId: id, contract: 'traffic@1' as const, secret: SECRET, faults })),
    { agencyId: 'all-faults', contract: 'traffic@1', secret: SECRET, faults: Object.assign({}, ...BROKEN.map(([, f]) => f)) },
  ]
  mocks = await startMockAgencies({ tenants })
  // A hostile endpoint: /hang never answers, /huge streams 5 MB.
  hostile = createServer((req, res) => {
    if (req.url?.startsWith('/huge')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      for (let i = 0; i < 80; i++) res.write(chunk)
      res.end()
    }
  })
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve))
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`
})
afterAll(async () => {
  await mocks.stop()
  hostile.closeAllConnections()
  await new Promise((resolve) => hostile.close(resolve))
})

function env(overrides: Partial<ReviewEnv> = {}): ReviewEnv {
  return {
    now: Date.now,
    production: false,
    limits: { timeoutMs: 5000 },
    loadMs: 300,
    load: async (_origin, measure) => ({ result: await measure(), measuredAt: '2026-11-22 10:00:00+08', reused: false }),
    probe: async (ok) => ({ total: 1, failed: ok ? 0 : 1 }),
    ...overrides,
  }
}

const manifestAt = (contract: TypedContract, endpoint: string) => ({ ...validManifest(contract), endpoint }) as ServiceManifest
const failed = (checks: CheckResult[]) => checks.filter((c) => c.outcome === 'fail').map((c) => c.id)
const stars = (checks: CheckResult[]) => starsFor(Object.fromEntries(checks.map((c) => [c.id, c.outcome])))
const evidenceOf = (checks: CheckResult[], id: string) => checks.find((c) => c.id === id)!.evidence.join('\n')

describe('the quality review of a typed-contract endpoint', () => {
  it.each(CONTRACTS)('a good %s agency passes all 21 checks: 5 stars', async (contract) => {
    const checks = await reviewManifest(manifestAt(contract, mocks.endpointOf(`good-${contract.replace('@1', '')}`)), SECRET, env())
    expect(checks.map((c) => c.id)).toEqual(QUALITY_CHECKS.map((c) => c.id))
    expect(failed(checks)).toEqual([])
    expect(stars(checks)).toBe(5)
    for (const c of checks) expect(c.evidence.length).toBeGreaterThan(0)
  })

  it.each(BROKEN)('a broken agency (%s) fails exactly the matching check', async (id, _faults, check) => {
    const checks = await reviewManifest(manifestAt('traffic@1', mocks.endpointOf(id)), SECRET, env())
    expect(failed(checks)).toEqual([check])
    expect(evidenceOf(checks, check)).not.toBe('')
  }, 60_000)

  it('an agency with every defect fails those five checks and is capped at 2 stars by the rule', async () => {
    const checks = await reviewManifest(manifestAt('traffic@1', mocks.endpointOf('all-faults')), SECRET, env())
    expect(failed(checks).sort()).toEqual(['contract', 'errors', 'pii-masking', 'signature', 'speed'])
    // 16 of 21 passed (76% → 4 stars), but failing `contract` caps it at 2.
    expect(stars(checks)).toBe(2)
  }, 60_000)

  it('the evidence says what to fix, and never repeats a leaked ID number in full', async () => {
    const checks = await reviewManifest(manifestAt('traffic@1', mocks.endpointOf('echo-id')), SECRET, env())
    const pii = evidenceOf(checks, 'pii-masking')
    expect(pii).toMatch(/ID number 5106\*{10}0010/)
    expect(JSON.stringify(checks)).not.toContain('510600199001010010')
    const schema = await reviewManifest(manifestAt('traffic@1', mocks.endpointOf('wrong-schema')), SECRET, env())
    expect(evidenceOf(schema, 'contract')).toMatch(/does not match listViolations's schema/)
  }, 30_000)

  it('a review signed with the wrong secret fails the contract: the agency refuses every call', async () => {
    const checks = await reviewManifest(manifestAt('identity@1', mocks.endpointOf('good-identity')), 'not-the-secret', env())
    expect(failed(checks)).toContain('contract')
    expect(evidenceOf(checks, 'contract')).toMatch(/HTTP 401 SIGNATURE_INVALID/)
  })
})

describe('unreachable and hostile endpoints', () => {
  it('an unreachable endpoint fails `available` with evidence, quickly', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const checks = await reviewManifest(manifestAt('traffic@1', `http://127.0.0.1:${port}/api`), SECRET, env())
    expect(failed(checks)).toEqual(expect.arrayContaining(['available', 'uptime', 'contract', 'load']))
    expect(evidenceOf(checks, 'available')).toMatch(/could not connect \(ECONNREFUSED\)/)
    expect(evidenceOf(checks, 'contract')).toMatch(/not run: the endpoint did not answer/)
    expect(stars(checks)).toBeLessThanOrEqual(2)
  })

  it('an endpoint that never answers is timed out', async () => {
    const checks = await reviewManifest(manifestAt('traffic@1', `${hostileUrl}/hang`), SECRET, env({ limits: { timeoutMs: 500 } }))
    expect(failed(checks)).toContain('available')
    expect(evidenceOf(checks, 'available')).toMatch(/no complete answer within 500 ms/)
  })

  it('a huge answer is cut off at the size limit and fails the contract', async () => {
    const checks = await reviewManifest(manifestAt('traffic@1', `${hostileUrl}/huge`), SECRET, env({ limits: { timeoutMs: 5000, maxBytes: 256 * 1024 } }))
    expect(failed(checks)).toContain('contract')
    expect(evidenceOf(checks, 'contract')).toMatch(/larger than 262144 bytes/)
  })
})

describe('declarations and transport', () => {
  it('missing declarations fail their checks, each with what the manifest said', async () => {
    const m = manifestAt('identity@1', mocks.endpointOf('good-identity'))
    const checks = await reviewManifest(
      { ...m, notify: { subscribeMessage: false }, feedback: { takesRatings: true, answersBadRatings: false }, elderFriendly: false, realNameRequired: false },
      SECRET,
      env(),
    )
    // identity@1 has only a query item: notify does not apply.
    expect(failed(checks).sort()).toEqual(['elder', 'feedback', 'real-name'])
    expect(checks.find((c) => c.id === 'notify')!.outcome).toBe('not-applicable')
    expect(evidenceOf(checks, 'feedback')).toMatch(/answersBadRatings: false/)
  })

  it('plain http to a loopback endpoint passes in development and fails in production', async () => {
    const m = manifestAt('identity@1', mocks.endpointOf('good-identity'))
    expect(failed(await reviewManifest(m, SECRET, env()))).toEqual([])
    expect(failed(await reviewManifest(m, SECRET, env({ production: true })))).toEqual(['transport'])
  })

  it('the load check counts errors: a server that refuses under load fails it', async () => {
    let n = 0
    const flaky = createServer((_req, res) => {
      res.writeHead(++n % 10 === 0 ? 503 : 200, { 'content-type': 'text/html' }).end('<meta name="viewport" content="width=device-width">')
    })
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`
    const m = { ...validManifest('webview'), endpoint: url } as ServiceManifest
    const checks = await reviewManifest(m, '', env())
    await new Promise((resolve) => flaky.close(resolve))
    expect(failed(checks)).toContain('load')
    expect(evidenceOf(checks, 'load')).toMatch(/at 20 concurrent: \d+ error\(s\)/)
  })
})
