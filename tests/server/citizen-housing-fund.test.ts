import { type Server, createServer, request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fundOf } from '../../mock/housing-fund/data'
import { cityOfTenant } from '../../mock/shared/tenant-city'
import { idCheckCharacter } from '../../src/domain/id-number'
import { piiInDatabase } from '../fixtures/pii-audit'
import { type Citizen, type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { faceCheck } from './face-check'

let p: CitizenPlatform
let service: string
let agencyId: string
const base = () => `/v1/services/${service}/housing-fund`

beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 1000 })
  ;[{ id: service, agency_id: agencyId } = { id: '', agency_id: '' }] = await p.db.query<{ id: string; agency_id: string }>(
    `SELECT id, agency_id FROM services WHERE contract = 'housing-fund@1' AND status = 'listed' ORDER BY id LIMIT 1`,
  )
}, 60_000)
afterAll(() => p?.stop())

/** Valid ID numbers (GB 11643) of adults born in the 1970s–80s, one per n. */
const idNumber = (n: number) => {
  const first17 = `510603${1970 + (n % 20)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(100 + n).slice(-3)}`
  return first17 + idCheckCharacter(first17)
}
const used: string[] = []

/** A verified citizen whose fund (as the city's centre derives it) passes `test`, face-checked just now (withdrawals and the full number need it; tests/security/identity-takeover.test.ts). */
async function verifiedWith(test: (fund: NonNullable<ReturnType<typeof fundOf>>) => boolean): Promise<{ c: Citizen; id: string }> {
  const city = cityOfTenant(agencyId, 'housing-fund')
  for (let n = used.length * 37 + 1; n < 5000; n++) {
    const id = idNumber(n)
    const fund = fundOf(id, city, Date.now())
    if (used.includes(id) || !fund || !test(fund)) continue
    used.push(id)
    const c = await p.citizen()
    expect((await c.call('POST', '/v1/me/identity', { name: '赵敏', idNumber: id })).statusCode).toBe(200)
    expect((await faceCheck(c, { purpose: 'step-up' })).faceCheck.status).toBe('passed')
    return { c, id }
  }
  throw new Error('no such person')
}
const key = () => `wd-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`.padEnd(20, '0')

describe('公积金 needs 实名认证', () => {
  it('every endpoint answers 403 IDENTITY_REQUIRED before it, with a Chinese message', async () => {
    const c = await p.citizen()
    for (const [method, url] of [
      ['GET', `${base()}/account`],
      ['GET', `${base()}/account-number`],
      ['GET', `${base()}/deposits?year=2025`],
      ['GET', `${base()}/loans`],
      ['GET', `${base()}/withdrawals/eligibility`],
      ['POST', `${base()}/withdrawals`],
    ] as const) {
      const res = await c.call(method, url, method === 'POST' ? { reason: 'rent', amountFen: 100, idempotencyKey: key() } : undefined)
      expect(res.statusCode, url).toBe(403)
      expect(res.json().error).toMatchObject({ code: 'IDENTITY_REQUIRED', message: expect.stringContaining('请先完成实名认证') })
    }
  })
})

describe('the account', () => {
  it('masked in the account; the full number only on its own request, never cached; the last 4 agree', async () => {
    const { c } = await verifiedWith(() => true)
    const account = await c.call('GET', `${base()}/account`)
    expect(account.statusCode).toBe(200)
    expect(account.json().accountNo).toMatch(/^\*{8}[0-9]{4}$/)
    const full = await c.call('GET', `${base()}/account-number`)
    expect(full.statusCode).toBe(200)
    expect(full.headers['cache-control']).toBe('no-store')
    expect(full.json().accountNo).toMatch(/^[0-9]{12}$/)
    expect(full.json().accountNo.slice(-4)).toBe(account.json().accountNo.slice(-4))
  })

  it('deposits by calendar year: only that year’s months; a year not begun → 422; a malformed year → 400', async () => {
    const { c } = await verifiedWith((f) => f.account.openedMonth < '2020-01')
    const year = new Date().getFullYear() - 1
    const res = await c.call('GET', `${base()}/deposits?year=${year}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().year).toBe(year)
    expect(res.json().records.length).toBeGreaterThan(0)
    expect(res.json().records.every((r: { month: string }) => r.month.startsWith(`${year}-`))).toBe(true)
    const future = await c.call('GET', `${base()}/deposits?year=${year + 2}`)
    expect(future.statusCode).toBe(422)
    expect(future.json().error).toMatchObject({ code: 'YEAR_IN_FUTURE', message: expect.stringContaining('尚无记录') })
    expect((await c.call('GET', `${base()}/deposits?year=abc`)).statusCode).toBe(400)
    expect((await c.call('GET', `${base()}/deposits`)).statusCode).toBe(400)
  })

  it('loans and a loan’s schedule; an unknown loan → 404', async () => {
    const { c } = await verifiedWith((f) => f.loans.some((l) => l.status === 'repaying'))
    const loans = (await c.call('GET', `${base()}/loans`)).json().loans
    expect(loans).toHaveLength(1)
    expect(loans[0].loanNo).toMatch(/^\*+[0-9]{4}$/)
    const schedule = await c.call('GET', `${base()}/loans/${loans[0].loanId}/schedule`)
    expect(schedule.statusCode).toBe(200)
    expect(schedule.json().rows).toHaveLength(loans[0].termMonths)
    expect(schedule.json().rows.filter((r: { status: string }) => r.status === 'paid')).toHaveLength(loans[0].paidMonths)
    const unknown = await c.call('GET', `${base()}/loans/0000000000000000/schedule`)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('LOAN_NOT_FOUND')
  })
})

describe('withdrawal applications', () => {
  const rentable = (f: NonNullable<ReturnType<typeof fundOf>>) => f.account.status === 'normal' && !f.loans.some((l) => l.status === 'repaying') && f.account.balanceFen > 2_000_000

  it('rent: approved at once, in 办事记录 once however often it is retried; the balance falls once; a reused key for another amount → 409', async () => {
    const { c } = await verifiedWith(rentable)
    const before = (await c.call('GET', `${base()}/account`)).json().balanceFen
    const body = { reason: 'rent', amountFen: 1_500_000, idempotencyKey: key() }
    const first = await c.call('POST', `${base()}/withdrawals`, body)
    expect(first.statusCode).toBe(201)
    expect(first.json().application).toMatchObject({ reason: 'rent', status: 'approved', amountFen: 1_500_000 })
    const again = await c.call('POST', `${base()}/withdrawals`, body)
    expect(again.json().application.applicationNo).toBe(first.json().application.applicationNo)
    expect((await c.call('GET', `${base()}/account`)).json().balanceFen).toBe(before - 1_500_000)
    const records = (await c.call('GET', '/v1/me/records')).json().records.filter((r: { ref: string }) => r.ref === `withdrawal:${first.json().application.applicationNo}`)
    expect(records).toEqual([expect.objectContaining({ what: '公积金租房提取申请（15000.00 元）', status: 'done', amountFen: 1_500_000, serviceId: service })])
    const conflict = await c.call('POST', `${base()}/withdrawals`, { ...body, amountFen: 1_000_000 })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().error.code).toBe('IDEMPOTENCY_CONFLICT')
    // Rent is once a year: the centre says so, and nothing more is recorded.
    const twice = await c.call('POST', `${base()}/withdrawals`, { ...body, idempotencyKey: key() })
    expect(twice.statusCode).toBe(422)
    expect(twice.json().error).toMatchObject({ code: 'NOT_ELIGIBLE', message: expect.stringContaining('每年限一次') })
    expect((await c.call('GET', '/v1/me/records')).json().records).toHaveLength(1)
  })

  it('needs review: pending in 办事记录; more than the balance → 422 and nothing recorded; bad bodies → 400', async () => {
    const { c } = await verifiedWith((f) => f.account.balanceFen > 100_000)
    const balance = (await c.call('GET', `${base()}/account`)).json().balanceFen
    const tooMuch = await c.call('POST', `${base()}/withdrawals`, { reason: 'major-illness', amountFen: balance + 1, idempotencyKey: key() })
    expect(tooMuch.statusCode).toBe(422)
    expect(tooMuch.json().error).toMatchObject({ code: 'AMOUNT_TOO_HIGH', message: expect.stringContaining('不能超过账户余额') })
    for (const bad of [{ reason: 'holiday', amountFen: 100, idempotencyKey: key() }, { reason: 'rent', amountFen: 0, idempotencyKey: key() }, { reason: 'rent', amountFen: 100, idempotencyKey: 'short' }, { reason: 'rent', amountFen: 12.5, idempotencyKey: key() }]) {
      const res = await c.call('POST', `${base()}/withdrawals`, bad)
      expect(res.statusCode, JSON.stringify(bad)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([])
    const res = await c.call('POST', `${base()}/withdrawals`, { reason: 'major-illness', amountFen: 100_000, idempotencyKey: key() })
    expect(res.statusCode).toBe(201)
    expect(res.json().application.status).toBe('reviewing')
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([expect.objectContaining({ status: 'pending', what: '公积金重大疾病提取申请（1000.00 元）' })])
    expect((await c.call('GET', `${base()}/account`)).json().balanceFen).toBe(balance)
  })

  it('an answer lost on the way (the centre applied it, the platform timed out) → 504 to retry; the retry gets the same application, recorded once, withdrawn once', async () => {
    const { c } = await verifiedWith(rentable)
    const before = (await c.call('GET', `${base()}/account`)).json().balanceFen
    const [{ endpoint } = { endpoint: '' }] = await p.db.query<{ endpoint: string }>('SELECT endpoint FROM services WHERE id = $1', [service])
    // A proxy that passes the first application on to the centre but never brings its answer back.
    let swallowed = 0
    const target = new URL(endpoint)
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const forward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          if (req.url?.endsWith('/v1/withdrawals') && swallowed++ === 0) return answer.resume()
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        forward.end(Buffer.concat(chunks))
      })
    }).listen(0, '127.0.0.1')
    await new Promise((r) => proxy.once('listening', r))
    await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [service, `http://127.0.0.1:${(proxy.address() as { port: number }).port}${target.pathname}`])
    try {
      const body = { reason: 'rent', amountFen: 1_000_000, idempotencyKey: key() }
      const lost = await c.call('POST', `${base()}/withdrawals`, body)
      expect(lost.statusCode).toBe(504)
      expect(lost.json().error).toMatchObject({ code: 'AGENCY_TIMEOUT', message: expect.stringContaining('稍后重试') })
      expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([])
      const retry = await c.call('POST', `${base()}/withdrawals`, body)
      expect(retry.statusCode).toBe(201)
      expect((await c.call('GET', '/v1/me/records')).json().records).toHaveLength(1)
      expect((await c.call('GET', `${base()}/account`)).json().balanceFen).toBe(before - 1_000_000)
    } finally {
      await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [service, endpoint])
      proxy.closeAllConnections()
      proxy.close()
    }
  })
})

describe('PII after all of the above', () => {
  it('no ID number in any table outside the sealed columns, nor in any log line; no full account number in the logs', async () => {
    expect(await piiInDatabase(p.db, used)).toEqual([])
    const logs = p.logs.join('')
    for (const id of used) expect(logs).not.toContain(id)
    expect(logs).not.toMatch(/"accountNo":"[0-9]{12}"/)
  })
})
