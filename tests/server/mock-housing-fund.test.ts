import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Account, AccountNumber, DepositList, LoanList, LoanSchedule, WithdrawalApplication, WithdrawalEligibility } from '../../src/api/housing-fund'
import { buildHousingFundAgency } from '../../mock/housing-fund/app'
import { equalInstalmentSchedule } from '../../src/domain/loan-calculator'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { validManifest } from '../fixtures/manifests'
import { expectError, signedClient, unmaskedPii } from '../fixtures/signed-inject'

const SECRET = 'housing-fund-secret-for-tests'
const NOW = Date.parse('2025-06-18T10:00:00+08:00')
const clock = () => NOW
const person = validManifest('housing-fund@1').fixtures as { name: string; idNumber: string }
const PEOPLE = [person.idNumber, ...Array.from({ length: 40 }, (_, i) => `51060019${70 + (i % 25)}0${(i % 9) + 1}15${String(i).padStart(3, '0')}X`)]

let app: ReturnType<typeof buildHousingFundAgency>
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildHousingFundAgency({ secret: SECRET, now: clock })
  await app.ready()
  client = signedClient(app, SECRET, clock)
})
afterAll(() => app.close())

/** The first test person who may withdraw for `reason`. */
async function firstWith(c: ReturnType<typeof signedClient>, reason: string): Promise<string> {
  for (const idNumber of PEOPLE) {
    const reasons = (await c.post('/v1/withdrawals/eligibility', { idNumber })).json().reasons as { code: string; eligible: boolean; maxAmountFen: number }[]
    if (reasons.some((r) => r.code === reason && r.eligible && r.maxAmountFen >= 1_200_000)) return idNumber
  }
  throw new Error(`no test person may withdraw for ${reason}`)
}

describe('housing-fund@1 mock', () => {
  it('account: valid, masked account number, deterministic', async () => {
    const res = await client.post('/v1/account/query', { idNumber: person.idNumber })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(Account, body)).toBe(true)
    expect(body.accountNo).toMatch(/^\*{8}[0-9]{4}$/)
    expect((await client.post('/v1/account/query', { idNumber: person.idNumber })).json()).toEqual(body)
  })

  it('deposit records agree with the balance: the latest balance-after is the account balance', async () => {
    for (const idNumber of PEOPLE.slice(0, 10)) {
      const account = (await client.post('/v1/account/query', { idNumber })).json()
      const res = await client.post('/v1/deposits/query', { idNumber, from: '2020-06', to: '2025-05' })
      expect(res.statusCode).toBe(200)
      const { records } = res.json()
      expect(Value.Check(DepositList, res.json())).toBe(true)
      if (records.length > 0) expect(records[records.length - 1].balanceAfterFen).toBe(account.balanceFen)
      if (account.status === 'normal') expect(records.at(-1).amountFen).toBe(account.monthlyDepositFen)
      if (account.status === 'normal') expect(account.personalMonthlyFen + account.employerMonthlyFen).toBe(account.monthlyDepositFen)
    }
  })

  it('loans: the schedule is the app calculator’s; paid periods are those due by today; balance and next payment follow it', async () => {
    let withLoan = 0
    for (const idNumber of PEOPLE) {
      const res = await client.post('/v1/loans/query', { idNumber })
      expect(res.statusCode).toBe(200)
      expect(Value.Check(LoanList, res.json())).toBe(true)
      for (const loan of res.json().loans) {
        withLoan += 1
        const schedule = await client.post('/v1/loans/schedule', { idNumber, loanId: loan.loanId })
        expect(schedule.statusCode).toBe(200)
        expect(Value.Check(LoanSchedule, schedule.json())).toBe(true)
        const rows = schedule.json().rows as { period: number; dueDate: string; paymentFen: number; principalFen: number; balanceFen: number; status: string }[]
        expect(rows).toHaveLength(loan.termMonths)
        expect(rows.reduce((sum, r) => sum + r.principalFen, 0)).toBe(loan.principalFen)
        const paid = rows.filter((r) => r.status === 'paid')
        expect(paid).toHaveLength(loan.paidMonths)
        expect(paid.every((r) => r.dueDate <= '2025-06-18') && rows.slice(paid.length).every((r) => r.dueDate > '2025-06-18')).toBe(true)
        if (loan.status === 'repaying') {
          expect(loan.balanceFen).toBe(paid.at(-1)?.balanceFen ?? loan.principalFen)
          expect(loan).toMatchObject({ nextPaymentFen: rows[paid.length]!.paymentFen, nextPaymentDate: rows[paid.length]!.dueDate })
        }
        if (loan.method === 'equal-instalment') {
          const expected = equalInstalmentSchedule({ principalFen: loan.principalFen, rateMilliPercent: loan.annualRateBp * 10, months: loan.termMonths })
          expect(rows.map((r) => r.paymentFen)).toEqual(expected.rows.map((r) => r.paymentFen))
        }
      }
    }
    expect(withLoan).toBeGreaterThan(0)
    expectError(await client.post('/v1/loans/schedule', { idNumber: person.idNumber, loanId: '0000000000000000' }), 404, 'LOAN_NOT_FOUND')
  })

  it('the full account number only from its own operation; its last 4 are the masked one’s', async () => {
    const full = await client.post('/v1/account/number', { idNumber: person.idNumber })
    expect(full.statusCode).toBe(200)
    expect(Value.Check(AccountNumber, full.json())).toBe(true)
    const masked = (await client.post('/v1/account/query', { idNumber: person.idNumber })).json().accountNo
    expect(masked.slice(-4)).toBe(full.json().accountNo.slice(-4))
  })

  it('withdrawal reasons: every reason listed; the eligible ones have a positive maximum, the others say why', async () => {
    for (const idNumber of PEOPLE.slice(0, 10)) {
      const res = await client.post('/v1/withdrawals/eligibility', { idNumber })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(Value.Check(WithdrawalEligibility, body)).toBe(true)
      expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(['rent', 'purchase', 'loan-repayment', 'retirement', 'major-illness', 'leave-city'])
      for (const r of body.reasons) {
        if (r.eligible) expect(r.maxAmountFen).toBeGreaterThan(0)
        else expect(r.why).toBeTruthy()
      }
    }
  })

  it('a rent withdrawal is approved at once: balance and records change, the same requestId answers the same, rent is once a year', async () => {
    const own = buildHousingFundAgency({ secret: SECRET, now: clock })
    try {
      const c = signedClient(own, SECRET, clock)
      const idNumber = await firstWith(c, 'rent')
      const before = (await c.post('/v1/account/query', { idNumber })).json()
      const body = { idNumber, reason: 'rent', amountFen: 1_200_000, requestId: 'rent-request-0000001' }
      const res = await c.post('/v1/withdrawals', body)
      expect(res.statusCode).toBe(200)
      expect(Value.Check(WithdrawalApplication, res.json())).toBe(true)
      expect(res.json()).toMatchObject({ reason: 'rent', reasonName: '租房提取', amountFen: 1_200_000, status: 'approved' })
      expect(res.json().message).toMatch(/银行卡（尾号 [0-9]{4}）/)
      expect((await c.post('/v1/withdrawals', body)).json()).toEqual(res.json())
      expectError(await c.post('/v1/withdrawals', { ...body, amountFen: 1_000_000 }), 409, 'IDEMPOTENCY_CONFLICT')
      const after = (await c.post('/v1/account/query', { idNumber })).json()
      expect(after.balanceFen).toBe(before.balanceFen - 1_200_000)
      const records = (await c.post('/v1/deposits/query', { idNumber, from: '2025-06', to: '2025-06' })).json().records
      expect(records.at(-1)).toMatchObject({ kind: 'withdrawal', amountFen: 1_200_000, balanceAfterFen: after.balanceFen, note: '租房提取（线上）' })
      const rent = (await c.post('/v1/withdrawals/eligibility', { idNumber })).json().reasons[0]
      expect(rent).toMatchObject({ eligible: false, why: '本年度已办理过租房提取，每年限一次' })
      expectError(await c.post('/v1/withdrawals', { ...body, requestId: 'rent-request-0000002' }), 422, 'NOT_ELIGIBLE')
    } finally {
      await own.close()
    }
  })

  it('a withdrawal that needs review waits (balance unchanged) and blocks another until done; too much → 422 AMOUNT_TOO_HIGH, nothing changes', async () => {
    const own = buildHousingFundAgency({ secret: SECRET, now: clock })
    try {
      const c = signedClient(own, SECRET, clock)
      const idNumber = await firstWith(c, 'major-illness')
      const before = (await c.post('/v1/account/query', { idNumber })).json()
      expectError(await c.post('/v1/withdrawals', { idNumber, reason: 'major-illness', amountFen: before.balanceFen + 1, requestId: 'illness-request-00001' }), 422, 'AMOUNT_TOO_HIGH')
      const res = await c.post('/v1/withdrawals', { idNumber, reason: 'major-illness', amountFen: 100_000, requestId: 'illness-request-00002' })
      expect(res.json()).toMatchObject({ status: 'reviewing', reasonName: '重大疾病提取' })
      expect(res.json().message).toContain('诊断证明')
      expect((await c.post('/v1/account/query', { idNumber })).json().balanceFen).toBe(before.balanceFen)
      const reasons = (await c.post('/v1/withdrawals/eligibility', { idNumber })).json().reasons
      expect(reasons.every((r: { eligible: boolean; why?: string }) => !r.eligible && r.why?.includes('正在审核中'))).toBe(true)
      expectError(await c.post('/v1/withdrawals', { idNumber, reason: 'major-illness', amountFen: 100, requestId: 'illness-request-00003' }), 409, 'APPLICATION_PENDING')
    } finally {
      await own.close()
    }
  })

  it('each city’s centre has its own employers and accounts', async () => {
    const xining = buildHousingFundAgency({ secret: SECRET, now: clock, tenantId: 'xining-housing-fund' })
    try {
      const x = signedClient(xining, SECRET, clock)
      const employers = await Promise.all(PEOPLE.slice(0, 10).map(async (idNumber) => (await x.post('/v1/account/query', { idNumber })).json().employer as string))
      expect(employers.every((e) => e.includes('西宁'))).toBe(true)
      expect((await x.post('/v1/account/number', { idNumber: person.idNumber })).json()).not.toEqual((await client.post('/v1/account/number', { idNumber: person.idNumber })).json())
    } finally {
      await xining.close()
    }
  })

  it('a minor → 404 ACCOUNT_NOT_FOUND; bad range → 422; bad input → 400', async () => {
    expectError(await client.post('/v1/account/query', { idNumber: '510600201501010011' }), 404, 'ACCOUNT_NOT_FOUND')
    expectError(await client.post('/v1/deposits/query', { idNumber: person.idNumber, from: '2025-05', to: '2024-05' }), 422, 'INVALID_RANGE')
    expectError(await client.post('/v1/account/query', { idNumber: person.idNumber, name: '张三' }), 400, 'VALIDATION_FAILED')
  })

  itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/account/query', body: { idNumber: person.idNumber } }, clock)

  it('no response body contained a full ID number or phone', () => {
    expect(client.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})
