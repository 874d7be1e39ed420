import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ContributionList, ECard, InsuredStatus, MedicalAccount } from '../../src/api/social-security'
import { buildSocialSecurityAgency } from '../../mock/social-security/app'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { validManifest } from '../fixtures/manifests'
import { expectError, signedClient, unmaskedPii } from '../fixtures/signed-inject'

const SECRET = 'social-security-secret-for-tests'
const NOW = Date.parse('2025-06-18T10:00:00+08:00')
const clock = () => NOW
const person = validManifest('social-security@1').fixtures as { name: string; idNumber: string }
const OTHERS = ['510600198505050022', '440301197512120035', '110101196003070016', '320102200201310022', '310101199909090044']
const PEOPLE = Array.from({ length: 60 }, (_, i) => `51060019${60 + (i % 35)}0${(i % 9) + 1}15${String(i).padStart(3, '0')}X`)

interface Employment {
  employer: string
  from: string
  to?: string
  flexible: boolean
}
const next = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

let app: ReturnType<typeof buildSocialSecurityAgency>
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildSocialSecurityAgency({ secret: SECRET, now: clock })
  await app.ready()
  client = signedClient(app, SECRET, clock)
})
afterAll(() => app.close())

describe('social-security@1 mock', () => {
  it('insured status covers the five insurance types, masked, deterministic', async () => {
    for (const idNumber of [person.idNumber, ...OTHERS]) {
      const res = await client.post('/v1/insured/query', { idNumber })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(Value.Check(InsuredStatus, body)).toBe(true)
      expect(body.insurances.map((i: { type: string }) => i.type)).toEqual(['pension', 'medical', 'unemployment', 'injury', 'maternity'])
      expect(body.idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`)
      expect((await client.post('/v1/insured/query', { idNumber })).json()).toEqual(body)
    }
  })

  it('contributions by month: one record per insured type and paid month, totals add up', async () => {
    const res = await client.post('/v1/contributions/query', { idNumber: person.idNumber, from: '2024-01', to: '2024-12' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(ContributionList, body)).toBe(true)
    expect(body.records.length).toBeGreaterThan(0)
    for (const r of body.records) expect(r.month >= '2024-01' && r.month <= '2024-12').toBe(true)
    expect(body.totals.personalFen).toBe(body.records.reduce((s: number, r: { personalFen: number }) => s + r.personalFen, 0))
    const pension = await client.post('/v1/contributions/query', { idNumber: person.idNumber, from: '2024-01', to: '2024-12', type: 'pension' })
    expect(pension.json().records.every((r: { type: string }) => r.type === 'pension')).toBe(true)
    expect(pension.json().records.length).toBe(body.totals.months)
  })

  it('a working life: contribution periods newest first, never overlapping, with job changes and gaps; status follows the latest period', async () => {
    let gaps = 0
    let changes = 0
    let suspended = 0
    for (const idNumber of PEOPLE) {
      const body = (await client.post('/v1/insured/query', { idNumber })).json() as { employments: Employment[]; insurances: { type: string; status: string; employer?: string }[] }
      const periods = [...body.employments].reverse()
      expect(periods.length).toBeGreaterThan(0)
      periods.forEach((p, i) => {
        const following = periods[i + 1]
        if (!following) return
        expect(p.to).toBeDefined()
        expect(following.from > p.to!).toBe(true)
        if (following.from !== next(p.to!)) gaps += 1
        if (following.employer !== p.employer) changes += 1
      })
      const current = body.employments[0]!
      for (const ins of body.insurances) {
        const coveredNow = current.to === undefined && (!current.flexible || ins.type === 'pension' || ins.type === 'medical')
        expect(ins.status === 'active').toBe(coveredNow)
        if (ins.status === 'suspended') suspended += 1
      }
    }
    expect(gaps).toBeGreaterThan(5)
    expect(changes).toBeGreaterThan(20)
    expect(suspended).toBeGreaterThan(3)
  })

  it('contributions follow the periods: a gap month has none; a covered month has one record per type its period insures, under its employer', async () => {
    let checkedGap = false
    for (const idNumber of PEOPLE.slice(0, 20)) {
      const { employments } = (await client.post('/v1/insured/query', { idNumber })).json() as { employments: Employment[] }
      const periods = [...employments].reverse()
      const gapPeriod = periods.findIndex((p, i) => p.to && periods[i + 1] && periods[i + 1]!.from !== next(p.to))
      if (gapPeriod >= 0) {
        const gapMonth = next(periods[gapPeriod]!.to!)
        const res = await client.post('/v1/contributions/query', { idNumber, from: gapMonth, to: gapMonth })
        expect(res.json().records).toEqual([])
        checkedGap = true
      }
      const latest = periods.at(-1)!
      const month = latest.to ?? '2025-05'
      const { records } = (await client.post('/v1/contributions/query', { idNumber, from: month, to: month })).json() as { records: { type: string; employer: string; employerFen: number }[] }
      expect(records.map((r) => r.type)).toEqual(latest.flexible ? ['pension', 'medical'] : ['pension', 'medical', 'unemployment', 'injury', 'maternity'])
      expect(new Set(records.map((r) => r.employer))).toEqual(new Set([latest.employer]))
      if (latest.flexible) expect(records.every((r) => r.employerFen === 0)).toBe(true)
    }
    expect(checkedGap).toBe(true)
  })

  it('each city’s bureau has its own employers and issuer; the same person differs between cities', async () => {
    const xining = buildSocialSecurityAgency({ secret: SECRET, now: clock, tenantId: 'xining-social-security' })
    const beijing = buildSocialSecurityAgency({ secret: SECRET, now: clock, tenantId: 'beijing-social-security' })
    try {
      const x = signedClient(xining, SECRET, clock)
      const employers = (await Promise.all(PEOPLE.slice(0, 10).map(async (idNumber) => (await x.post('/v1/insured/query', { idNumber })).json().employments)))
        .flat()
        .map((e: Employment) => e.employer)
      expect(employers.some((e) => e.includes('西宁'))).toBe(true)
      expect(employers.some((e) => e.includes('德阳'))).toBe(false)
      expect((await x.post('/v1/e-card', person)).json().issuer).toBe('青海省人力资源和社会保障厅')
      expect((await signedClient(beijing, SECRET, clock).post('/v1/e-card', person)).json().issuer).toBe('北京市人力资源和社会保障局')
      expect((await x.post('/v1/insured/query', { idNumber: person.idNumber })).json()).not.toEqual((await client.post('/v1/insured/query', { idNumber: person.idNumber })).json())
    } finally {
      await Promise.all([xining.close(), beijing.close()])
    }
  })

  it('a bad range → 422 INVALID_RANGE with details; a malformed month → 400', async () => {
    expectError(await client.post('/v1/contributions/query', { idNumber: person.idNumber, from: '2024-12', to: '2024-01' }), 422, 'INVALID_RANGE')
    expectError(await client.post('/v1/contributions/query', { idNumber: person.idNumber, from: '2019-01', to: '2024-12' }), 422, 'INVALID_RANGE')
    expectError(await client.post('/v1/contributions/query', { idNumber: person.idNumber, from: '2025-01', to: '2025-09' }), 422, 'INVALID_RANGE')
    expectError(await client.post('/v1/contributions/query', { idNumber: person.idNumber, from: '2024-13', to: '2024-12' }), 400, 'VALIDATION_FAILED')
  })

  it('medical account: the balance is the last transaction’s balance', async () => {
    const res = await client.post('/v1/medical-account/query', { idNumber: person.idNumber })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(MedicalAccount, body)).toBe(true)
    expect(body.transactions.length).toBeGreaterThan(0)
    expect(body.transactions[0].balanceAfterFen).toBe(body.balanceFen)
  })

  it('e-card: masked card number and person, a QR payload that changes each minute', async () => {
    const res = await client.post('/v1/e-card', person)
    expect(res.statusCode).toBe(200)
    const card = res.json()
    expect(Value.Check(ECard, card)).toBe(true)
    expect(card.person).toEqual({ name: '*三', idNumber: '5106**********0010' })
    expect(Date.parse(card.qrExpiresAt)).toBeGreaterThan(NOW)
  })

  it('a minor → 404 PERSON_NOT_FOUND; bad input → 400', async () => {
    expectError(await client.post('/v1/insured/query', { idNumber: '510600201501010011' }), 404, 'PERSON_NOT_FOUND')
    expectError(await client.post('/v1/insured/query', { idNumber: '510600' }), 400, 'VALIDATION_FAILED')
    expectError(await client.post('/v1/e-card', { idNumber: person.idNumber }), 400, 'VALIDATION_FAILED')
  })

  itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/insured/query', body: { idNumber: person.idNumber } }, clock)

  it('no response body contained a full ID number or phone', () => {
    expect(client.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})
