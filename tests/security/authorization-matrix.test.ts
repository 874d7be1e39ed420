import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Access, ROUTE_ACCESS } from './route-access'
import { CALLERS, type Caller, type Operation, type SecurityPlatform, startSecurityPlatform } from './security-platform'

/**
 * Every operation of the published API (/openapi.json) × the seven callers of
 * 04-platform.md (anonymous, citizens A and B, agencies A and B, an operator,
 * an analyst) against the expectation table in route-access.ts. A path that
 * names a thing uses citizen A's (or agency A's) real one, so B being refused
 * means B is refused A's things, not that the thing does not exist.
 */
let s: SecurityPlatform
beforeAll(async () => {
  s = await startSecurityPlatform()
}, 120_000)
afterAll(() => s?.stop())

// Bodies are left out on purpose: refusal comes before the request is read.
async function call(op: Operation, caller: Caller | 'forged-token' | 'forged-session') {
  const header = s.header(caller)
  const res = await s.p.app.inject({ method: op.method as 'GET', url: s.concrete(op.path), headers: header ? { authorization: header } : {} })
  const code = res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined
  return { status: res.statusCode, code }
}

const PLATFORM_ROLES = { agency: ['agencyA', 'agencyB'], operator: ['operator'], analyst: ['analyst'] } as const
const isCitizen = (c: Caller) => c === 'citizenA' || c === 'citizenB'
const isToken = (c: Caller) => c === 'agencyA' || c === 'agencyB' || c === 'operator' || c === 'analyst'
const passed = (status: number) => status !== 401 && status !== 403

/**
 * What the table says `caller` gets: `pass`, a status, or `hidden` (404 or
 * 403: not disclosed; an operation with a body may refuse the missing body
 * first, which discloses nothing either).
 */
function expected(access: Access, caller: Caller): 'pass' | 'hidden' | 401 | 403 | '4xx' {
  switch (access) {
    case 'public':
      return 'pass'
    case 'signed':
      return '4xx'
    case 'citizen':
      return isCitizen(caller) ? 'pass' : 401
    case 'citizen-step-up':
      return isCitizen(caller) ? 403 : 401
    case 'own-citizen':
      return caller === 'citizenA' ? 'pass' : caller === 'citizenB' ? 'hidden' : 401
    case 'token':
      return isToken(caller) ? 'pass' : 401
    case 'own-agency':
      if (caller === 'agencyB') return 'hidden'
      return expected('agency', caller)
    default:
      if (!isToken(caller)) return 401
      return (PLATFORM_ROLES[access] as readonly Caller[]).includes(caller) ? 'pass' : 403
  }
}

/** Deletions run last (the session's own last of all), so they do not take away what the other calls name. */
const order = (op: Operation) => (op.method !== 'DELETE' ? 0 : op.path.includes('{') ? 1 : 2)

describe('authorisation matrix', () => {
  it('has an entry in route-access.ts for every operation of /openapi.json, and none for an operation that is gone', () => {
    const { operations } = s
    const keys = new Set(operations.map((op) => op.key))
    const missing = operations.filter((op) => !ROUTE_ACCESS[op.key]).map((op) => op.key)
    expect(missing, `operations without an entry in tests/security/route-access.ts (add one line each): ${missing.join(', ')}`).toEqual([])
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => !keys.has(key))
    expect(stale, `entries in tests/security/route-access.ts for operations /openapi.json no longer has: ${stale.join(', ')}`).toEqual([])
    expect(operations.length).toBeGreaterThanOrEqual(90)
  })

  it('every operation × every caller gets what the table says, and never a 5xx', async () => {
    const wrong: string[] = []
    for (const op of [...s.operations].sort((a, b) => order(a) - order(b))) {
      const access = ROUTE_ACCESS[op.key]
      if (!access) continue
      let hiddenCode: string | undefined
      for (const caller of CALLERS) {
        const got = await call(op, caller)
        const want = expected(access, caller)
        if (want === 'hidden') hiddenCode = got.code
        const ok =
          got.status < 500 &&
          (want === 'pass'
            ? passed(got.status) && !(caller === 'citizenA' && access === 'own-citizen' && got.status === 404 && got.code === hiddenCode)
            : want === 'hidden'
              ? got.status === 404 || got.status === 403 || (op.body !== undefined && got.code === 'VALIDATION_FAILED')
              : want === '4xx'
                ? got.status >= 400
                : got.status === want)
        if (!ok) wrong.push(`${op.key} as ${caller}: ${got.status} ${got.code ?? ''}, expected ${want}`)
      }
    }
    expect(wrong).toEqual([])
  }, 120_000)

  it('forged platform tokens and forged citizen sessions get 401 wherever a caller is needed', async () => {
    const wrong: string[] = []
    for (const op of s.operations) {
      const access = ROUTE_ACCESS[op.key]
      if (!access || access === 'public' || access === 'signed') continue
      for (const forged of ['forged-token', 'forged-session'] as const) {
        const got = await call(op, forged)
        if (got.status !== 401) wrong.push(`${op.key} with a ${forged}: ${got.status}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
