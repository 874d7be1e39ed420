import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { type Access, ROUTE_ACCESS } from './route-access'
import { type Caller, type Operation, type SecurityPlatform, startSecurityPlatform } from './security-platform'

/**
 * The bad-input corpus over every operation of /openapi.json that takes a
 * body or a query (04-platform.md): each is sent by a caller the table lets
 * in (route-access.ts), so the input reaches validation and the service. Every
 * answer is a 4xx (or a 2xx for input the operation accepts as it is), never a
 * 5xx, and afterwards every table of the database is as it was.
 */
let s: SecurityPlatform
beforeAll(async () => {
  s = await startSecurityPlatform()
}, 120_000)
afterAll(() => s?.stop())

const ODD_STRINGS = ['\u0000', 'a\u0000b', "'; DROP TABLE cities; --", '%', '%E0%A4%A', '\u202e重庆', '\u200b', '😀😀😀', '<script>alert(1)</script>', 'ｃｑ', ' '.repeat(20), 'x'.repeat(5000)]
/** Query values: the odd strings and numbers no schema should take. */
const ODD_QUERY = [...ODD_STRINGS, '1e309', '-1e309', 'NaN', '-1', '0x10', '']
/** Property values as raw JSON text (1e309 is not a JSON number a serializer writes, so it is sent as text). */
const ODD_JSON = [...ODD_STRINGS.map((v) => JSON.stringify(v)), '1e309', '-1', '1.5', '[]', '{}', 'null', 'true', '[1,2,3]', '{"__proto__":{"admin":true}}']
/** Whole bodies: malformed, of the wrong kind, or oversize. */
const ODD_BODIES = ['{', '{"a":', '[]', '"x"', 'null', '12', '{"__proto__":{"admin":true}}', `{"x":"${'a'.repeat(2_000_000)}"}`]

const CALLER_FOR: Record<Access, Caller> = {
  public: 'anonymous',
  signed: 'anonymous',
  citizen: 'citizenA',
  'citizen-step-up': 'citizenA',
  'own-citizen': 'citizenA',
  token: 'agencyA',
  agency: 'agencyA',
  'own-agency': 'agencyA',
  operator: 'operator',
  analyst: 'analyst',
}

/** Every table's row count, and its content's hash where it is small enough to hash. */
async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
  const out: Record<string, string> = {}
  for (const { name } of tables) {
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`)
    const [{ h } = { h: '' }] = n <= 20_000 ? await db.query<{ h: string }>(`SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${name}" t`) : [{ h: 'large' }]
    out[name] = `${n} ${h}`
  }
  return out
}

interface BadRequest {
  op: Operation
  url: string
  payload?: string
  what: string
}

/** The corpus for one operation: each query parameter with each odd value (and given twice), each body property with each odd value, and each odd whole body. */
function corpusOf(op: Operation, concrete: (path: string) => string): BadRequest[] {
  const base = concrete(op.path)
  const out: BadRequest[] = []
  for (const name of op.query) {
    for (const v of ODD_QUERY) out.push({ op, url: `${base}?${name}=${encodeURIComponent(v)}`, what: `?${name}=${JSON.stringify(v).slice(0, 40)}` })
    out.push({ op, url: `${base}?${name}=1&${name}=2`, what: `?${name} twice` })
  }
  if (op.body) {
    for (const name of Object.keys(op.body.properties ?? {})) {
      for (const v of ODD_JSON) out.push({ op, url: base, payload: `{${JSON.stringify(name)}:${v}}`, what: `body.${name} = ${v.slice(0, 40)}` })
    }
    for (const body of ODD_BODIES) out.push({ op, url: base, payload: body, what: `body ${body.slice(0, 40)}` })
  }
  return out
}

describe('the bad-input corpus over every operation with a body or a query', () => {
  it('covers every such operation of /openapi.json', () => {
    const covered = s.operations.filter((op) => op.body || op.query.length > 0)
    expect(covered.length).toBeGreaterThanOrEqual(40)
    expect(covered.filter((op) => !ROUTE_ACCESS[op.key]).map((op) => op.key)).toEqual([])
  })

  it('answers each with a clear 4xx (or accepts it), never a 5xx, changes nothing, and keeps serving', async () => {
    const before = await snapshot(s.p.db)
    const wrong: string[] = []
    let sent = 0
    for (const op of s.operations) {
      const access = ROUTE_ACCESS[op.key]
      if (!access) continue
      const header = s.header(CALLER_FOR[access])
      for (const bad of corpusOf(op, s.concrete)) {
        const res = await s.p.app.inject({
          method: op.method as 'POST',
          url: bad.url,
          headers: { ...(header ? { authorization: header } : {}), ...(bad.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(bad.payload !== undefined ? { payload: bad.payload } : {}),
        })
        sent++
        const body = res.statusCode >= 400 ? (JSON.parse(res.body) as { error?: { code?: string; message?: string } }) : undefined
        if (res.statusCode >= 500 || (body && !(body.error?.code && body.error.message))) wrong.push(`${op.key} ${bad.what}: ${res.statusCode} ${res.body.slice(0, 120)}`)
      }
    }
    expect(sent).toBeGreaterThan(1000)
    expect(wrong).toEqual([])
    expect(await snapshot(s.p.db)).toEqual(before)
    expect((await s.p.app.inject('/healthz')).statusCode).toBe(200)
  }, 300_000)
})
