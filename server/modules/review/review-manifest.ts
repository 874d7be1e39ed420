import { type CheckId, type CheckResult, QUALITY_CHECKS } from '../../../src/domain/quality-stars'
import { contractById } from '../../contracts'
import type { SigningKeys } from '../../contracts/signing'
import type { AgencyAnswer, CallLimits } from '../gateway/agency-client'
import { type ServiceManifest, type TypedContract, isTypedContract } from '../onboarding/manifest-schema'
import { type AddressPolicy, DEVELOPMENT_POLICY, PRODUCTION_POLICY } from '../gateway/address-policy'
import { endpointShapeProblems, endpointTransportProblems } from '../gateway/endpoint-rules'
import { type LoadResult, percentile, runLoad } from './checks/load-run'
import { manifestChecks } from './checks/manifest-checks'
import { notifyCheck } from './checks/notify-check'
import { findPii } from './checks/pii-scan'
import { webviewChecks } from './checks/webview-checks'
import { EndpointUnreachable, SuiteRun } from './conformance/suite-run'

/** What a review needs from the platform around it (injected, so tests can pin time and storage). */
export interface ReviewEnv {
  now(): number
  /** In production plain http is refused even for loopback endpoints. */
  production: boolean
  limits: CallLimits
  /** Length of the load run (ms). */
  loadMs: number
  /** The load result for an origin: measured by `measure` now, or a recent one reused. */
  load(origin: string, measure: () => Promise<LoadResult>): Promise<{ result: LoadResult; measuredAt: string; reused: boolean }>
  /** Records this review's availability probe; answers the 30-day figures including it. */
  probe(ok: boolean, ms: number, note: string): Promise<{ total: number; failed: number }>
  /** Check 17's data: the service's cases changed in the last 90 days and how many produced a 消息; absent: the declaration alone. */
  caseMessages?(): Promise<{ changed: number; notified: number }>
}

const LOAD_CONCURRENCY = 20
const SPEED_BUDGET_MS = 800
const UPTIME_MAX_FAILURE = 0.005
const LOAD_MAX_ERROR = 0.01

type Outcome = boolean | 'n/a'
const check = (id: CheckId, ok: Outcome, evidence: string[]): CheckResult => ({
  id,
  outcome: ok === 'n/a' ? 'not-applicable' : ok ? 'pass' : 'fail',
  evidence,
})

/** The policy the review judges the endpoint by: the network's it connects through, else the mode's. */
const policyOf = (env: ReviewEnv): AddressPolicy => env.limits.network?.policy ?? (env.production ? PRODUCTION_POLICY : DEVELOPMENT_POLICY)

/**
 * Check 8 (02-services.md endpoint rules): https in production (plain http
 * only to loopback in development), a host the policy allows, and no
 * connection the policy refused at connect time (a name resolving to a
 * private address). Failing it blocks listing.
 */
function transportCheck(endpoint: string, policy: AddressPolicy, refused: AgencyAnswer | undefined): CheckResult {
  const url = new URL(endpoint)
  const problems = [...endpointTransportProblems(endpoint, policy), ...(refused?.failure === 'refused' ? [refused.note] : [])]
  if (problems.length > 0) return check('transport', false, problems.map((p) => `${url.origin}: ${p}`))
  if (url.protocol === 'https:') return check('transport', true, [`${url.origin} uses https`])
  return check('transport', true, [`${url.origin} is a loopback address: plain http allowed outside production`])
}

/** An endpoint whose form breaks the rules (query, fragment, user info) is not called at all: every check that needs it fails. */
function refusedEndpointChecks(endpoint: string, problems: string[]): CheckResult[] {
  const why = problems.map((p) => `endpoint ${endpoint} ${p}: not called`)
  return (['available', 'uptime', 'speed', 'load', 'contract', 'errors', 'signature', 'transport', 'pii-masking', 'mobile-fit'] as const).map((id) => check(id, false, why))
}

async function uptimeCheck(env: ReviewEnv, probe: AgencyAnswer | undefined, ok: boolean): Promise<CheckResult> {
  const { total, failed } = await env.probe(ok, probe?.ms ?? 0, probe?.note ?? 'not probed')
  const rate = total ? failed / total : 1
  return check('uptime', rate <= UPTIME_MAX_FAILURE, [`${failed} of ${total} probe(s) failed in the last 30 days (${(rate * 100).toFixed(2)}%, at most 0.5% allowed)`])
}

async function loadCheck(env: ReviewEnv, endpoint: string, send: () => Promise<AgencyAnswer>): Promise<CheckResult> {
  const origin = new URL(endpoint).origin
  const { result, measuredAt, reused } = await env.load(origin, () => runLoad(send, { concurrency: LOAD_CONCURRENCY, durationMs: env.loadMs }))
  const rate = result.requests ? result.errors / result.requests : 1
  return check('load', rate < LOAD_MAX_ERROR, [
    `${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s at ${result.concurrency} concurrent: ${result.errors} error(s) (${(rate * 100).toFixed(2)}%, under 1% required), p95 ${result.p95Ms} ms`,
    `${reused ? 'measured on this server at' : 'measured now,'} ${measuredAt}${reused ? ' and reused: the platform load-tests a server at most once a day, not once per service' : ''} (${origin})`,
  ])
}

const failing = (records: SuiteRun['records'], kinds: string[]) => records.filter((r) => kinds.includes(r.kind) && !r.passed).map((r) => r.note)
const summary = (records: SuiteRun['records'], kinds: string[], what: string) => {
  const all = records.filter((r) => kinds.includes(r.kind))
  return `${all.filter((r) => r.passed).length} of ${all.length} ${what} passed`
}

async function typedChecks(m: ServiceManifest & { endpoint: string }, secret: SigningKeys, env: ReviewEnv): Promise<{ checks: CheckResult[]; first?: AgencyAnswer }> {
  const contract = contractById(m.contract as TypedContract)
  const run = new SuiteRun(m.endpoint, secret, contract.operations, env.limits, env.now)
  let probeOp: string | undefined
  try {
    // The manifest's fixtures were validated against this contract's schema on submission.
    probeOp = await contract.suite(run, m.fixtures ?? {}, env.now())
    await run.badInputs()
    await run.signatures(probeOp)
  } catch (err) {
    if (!(err instanceof EndpointUnreachable)) throw err
  }
  const first = run.first
  const answered = first?.status !== undefined && first.status < 500
  const results = [
    check('available', answered, [`first call to ${m.endpoint}: ${first?.note ?? 'not sent'}`]),
    await uptimeCheck(env, first, answered),
  ]
  if (!probeOp || !first?.status) {
    const why = [`not run: the endpoint did not answer (${first?.note ?? 'no request'})`]
    return { checks: [...results, ...(['speed', 'load', 'contract', 'errors', 'signature', 'pii-masking'] as const).map((id) => check(id, false, why))], ...(first ? { first } : {}) }
  }

  const records = run.records
  const p95 = percentile(records.map((r) => r.ms), 95)
  const contractFailures = [...failing(records, ['good', 'rule']), ...run.unexercised().map((op) => `operation ${op} was not exercised (check the fixtures)`)]
  const leaks = records.flatMap((r) => findPii(r.text).map((found) => `${r.label}: the answer contains the full ${found}`))
  const load = run.hasSample(probeOp) ? await loadCheck(env, m.endpoint, () => run.sendSample(probeOp)) : check('load', false, ['not run: no good request to repeat'])
  const checks = [
    ...results,
    check('speed', p95 <= SPEED_BUDGET_MS, [`p95 ${p95} ms over ${records.length} conformance calls (at most ${SPEED_BUDGET_MS} ms), slowest ${Math.max(...records.map((r) => r.ms))} ms`]),
    load,
    check('contract', contractFailures.length === 0, contractFailures.length ? contractFailures : [summary(records, ['good', 'rule'], `${contract.id} cases`)]),
    check('errors', failing(records, ['bad']).length === 0, failing(records, ['bad']).length ? failing(records, ['bad']) : [summary(records, ['bad'], 'invalid-input cases')]),
    check('signature', failing(records, ['signature']).length === 0,
      failing(records, ['signature']).length ? failing(records, ['signature']) : [summary(records, ['signature'], 'signature cases (unsigned, forged, stale, tampered, replayed)')]),
    check('pii-masking', leaks.length === 0, leaks.length ? leaks : [`no full ID or phone number in ${records.length} answers`]),
  ]
  return { checks, first }
}

function miniprogramChecks(): CheckResult[] {
  const why = ['mini-program: WeChat opens it and reviews it on its own platform; there is no endpoint to test']
  return (['available', 'uptime', 'speed', 'load', 'contract', 'errors', 'signature', 'transport', 'pii-masking', 'mobile-fit'] as const).map((id) =>
    check(id, 'n/a', why),
  )
}

/**
 * The quality review of a manifest (02-services.md): the contract's
 * conformance suite, the probes and the declarations, as the 21 checks in
 * report order, each with its evidence.
 */
export async function reviewManifest(m: ServiceManifest, secret: SigningKeys, env: ReviewEnv): Promise<CheckResult[]> {
  const results: CheckResult[] = [...manifestChecks(m)]
  if (env.caseMessages) {
    const notify = notifyCheck(m, await env.caseMessages())
    results.splice(results.findIndex((r) => r.id === 'notify'), 1, notify)
  }
  const shape = m.endpoint ? endpointShapeProblems(m.endpoint) : []
  if (m.contract === 'miniprogram' || !m.endpoint) {
    results.push(...miniprogramChecks())
  } else if (shape.length > 0) {
    results.push(...refusedEndpointChecks(m.endpoint, shape))
  } else {
    const noContract = ['not a typed contract: the platform shows the agency’s page']
    if (isTypedContract(m.contract)) {
      const typed = await typedChecks({ ...m, endpoint: m.endpoint }, secret, env)
      results.push(...typed.checks, transportCheck(m.endpoint, policyOf(env), typed.first))
      results.push(check('mobile-fit', 'n/a', ['typed contract: the platform’s own pages are built for phones']))
    } else {
      const page = await webviewChecks(m.endpoint, m.adsFree, env.limits)
      results.push(...page.checks, transportCheck(m.endpoint, policyOf(env), page.answer), await uptimeCheck(env, page.answer, page.answered))
      results.push(page.answered ? await loadCheck(env, m.endpoint, page.fetchAgain) : check('load', false, ['not run: the page did not answer']))
      results.push(...(['contract', 'errors', 'signature', 'pii-masking'] as const).map((id) => check(id, 'n/a', noContract)))
    }
  }
  const byId = new Map(results.map((r) => [r.id, r]))
  return QUALITY_CHECKS.map(({ id }) => byId.get(id) ?? check(id, false, ['not evaluated']))
}
