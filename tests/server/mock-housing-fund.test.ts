import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Account, DepositList, LoanList, WithdrawalEligibility } from '../../server/contracts/housing-fund'
import { buildHousingFundAgency } from '../../mock/housing-fund/app'
import { instalment } from '../../mock/housing-fund/data'
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
      for (const r of records.filter((x: { kind: string }) => x.kind === 'deposit')) expect(r.amountFen).toBe(account.monthlyDepositFen)
    }
  })

  it('loans validate; some people have one, with the instalment formula’s numbers', async () => {
    let withLoan = 0
    for (const idNumber of PEOPLE) {
      const res = await client.post('/v1/loans/query', { idNumber })
      expect(res.statusCode).toBe(200)
      expect(Value.Check(LoanList, res.json())).toBe(true)
      for (const loan of res.json().loans) {
        withLoan += 1
        const { paymentFen, balanceFen } = instalment(loan.principalFen, loan.annualRateBp, loan.termMonths, loan.paidMonths, loan.method)
        if (loan.status === 'repaying') expect(loan).toMatchObject({ balanceFen, nextPaymentFen: paymentFen })
      }
    }
    expect(withLoan).toBeGreaterThan(0)
  })

  it('instalment maths: equal instalments repay the principal exactly, equal principal halves it at mid-term', () => {
    const P = 50_000_000
    const a = instalment(P, 285, 360, 0, 'equal-instalment')
    expect(a.paymentFen).toBe(206_779) // 2067.79 元 for 50 万, 30 years, 2.85%
    expect(instalment(P, 285, 360, 360, 'equal-instalment').balanceFen).toBe(0)
    expect(instalment(P, 285, 360, 0, 'equal-principal').paymentFen).toBe(257_639)
    expect(instalment(P, 285, 360, 180, 'equal-principal').balanceFen).toBe(P / 2)
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
