import Fastify, { type FastifyInstance } from 'fastify'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COUNTER_PAYMENT_PATH, buildUtilitiesAgency, registerUtilitiesAgency } from '../../mock/utilities/app'
import { type AgencyApp, createAgencyHost, mountAgency } from '../../mock/shared/agency-app'
import { AccountInfo, AccountPayments, BillList, PayBillsResult, ProviderList, TopUpResult, type BillT, operations, utilitiesContract } from '../../server/contracts/utilities'
import { SuiteRun } from '../../server/modules/review/conformance/suite-run'
import { utilityLateFeeFen } from '../../src/domain/utility-late-fee'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { expectError, signedClient } from '../fixtures/signed-inject'

const SECRET = 'utilities-secret-for-tests'
const NOW = Date.parse('2025-06-18T10:00:00+08:00')
const clock = () => NOW
const WATER = { providerId: 'water', accountNo: '3100012345' }
const PREPAID = { providerId: 'electricity', accountNo: '3100012346' }
const POSTPAID_POWER = { providerId: 'electricity', accountNo: '3100012347' }
const RANGE = { from: '2024-06', to: '2025-06' }

let app: AgencyApp
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildUtilitiesAgency({ secret: SECRET, now: clock, tenantId: 'deyang-utilities' })
  await app.ready()
  client = signedClient(app, SECRET, clock)
})
afterAll(() => app.close())

const bills = async (account = WATER, range = RANGE) => (await client.post('/v1/bills/query', { ...account, ...range })).json() as { bills: BillT[]; summary: any }

describe('utilities@1 mock: companies and households', () => {
  it("names the city's three companies after the tenant's city; only electricity is prepaid", async () => {
    const res = await client.get('/v1/providers')
    expect(Value.Check(ProviderList, res.json())).toBe(true)
    expect(res.json().providers).toEqual([
      { id: 'water', kind: 'water', name: '德阳市自来水有限公司', unit: '吨', prepaid: false },
      { id: 'electricity', kind: 'electricity', name: '国网德阳供电公司', unit: '千瓦时', prepaid: true },
      { id: 'gas', kind: 'gas', name: '德阳市燃气有限公司', unit: '立方米', prepaid: false },
    ])
  })

  it('verifies a 户号 with the holder masked; the same 户号 always gives the same household', async () => {
    const a = await client.post('/v1/accounts/verify', WATER)
    expect(a.statusCode).toBe(200)
    expect(Value.Check(AccountInfo, a.json())).toBe(true)
    expect(a.json()).toMatchObject({ accountNo: '******2345', holderName: expect.stringMatching(/^\*+[\u4e00-\u9fff]$/), prepaid: false })
    expect(a.json().address).toMatch(/^德阳市.+\*{4}$/)
    expect((await client.post('/v1/accounts/verify', WATER)).json()).toEqual(a.json())
    const power = (await client.post('/v1/accounts/verify', PREPAID)).json()
    expect(power).toMatchObject({ prepaid: true, balanceFen: expect.any(Number) })
  })

  it('an unknown 户号 → 404 ACCOUNT_NOT_FOUND, an unknown company → 404 PROVIDER_NOT_FOUND', async () => {
    expectError(await client.post('/v1/accounts/verify', { providerId: 'water', accountNo: '0000000000' }), 404, 'ACCOUNT_NOT_FOUND')
    expectError(await client.post('/v1/accounts/verify', { providerId: 'heat', accountNo: '3100012345' }), 404, 'PROVIDER_NOT_FOUND')
    expectError(await client.post('/v1/accounts/verify', { providerId: 'water', accountNo: '31-0001' }), 400, 'VALIDATION_FAILED')
  })

  it('lists 12+ months of bills, newest first, with 2–3 months in arrears for an odd 户号 and the late fee by the rule', async () => {
    const { bills: list, summary } = await bills()
    expect(Value.Check(BillList, { bills: list, summary })).toBe(true)
    expect(list.length).toBe(12)
    expect(list[0]!.month).toBe('2025-05')
    const unpaid = list.filter((b) => b.status === 'unpaid')
    expect(unpaid.length).toBeGreaterThanOrEqual(2)
    expect(unpaid.length).toBeLessThanOrEqual(3)
    for (const b of unpaid) expect(b.lateFeeFen).toBe(utilityLateFeeFen(b.amountFen, b.dueDate, '2025-06-18'))
    // May's bill is due 2025-06-20: no late fee yet; April's is 29 days overdue.
    expect(list[0]).toMatchObject({ dueDate: '2025-06-20', lateFeeFen: 0 })
    expect(list[1]!.lateFeeFen).toBe(Math.round(list[1]!.amountFen * 0.029))
    expect(summary.totalDueFen).toBe(unpaid.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0))
  })

  it('usage follows the seasons: more electricity in summer, more gas in winter', async () => {
    const year = { from: '2024-01', to: '2024-12' }
    const power = (await bills(POSTPAID_POWER, year)).bills
    const gas = (await bills({ providerId: 'gas', accountNo: '3100012345' }, year)).bills
    const usage = (list: BillT[], month: string) => list.find((b) => b.month === month)!.usage
    expect(usage(power, '2024-08')).toBeGreaterThan(usage(power, '2024-04') * 1.5)
    expect(usage(gas, '2024-01')).toBeGreaterThan(usage(gas, '2024-07') * 2.5)
    expect(power.every((b) => b.unit === '千瓦时') && gas.every((b) => b.unit === '立方米')).toBe(true)
  })

  it('a range after this month or the wrong way round → 422 INVALID_RANGE', async () => {
    expectError(await client.post('/v1/bills/query', { ...WATER, from: '2025-05', to: '2025-04' }), 422, 'INVALID_RANGE')
    expectError(await client.post('/v1/bills/query', { ...WATER, from: '2025-05', to: '2025-09' }), 422, 'INVALID_RANGE')
  })
})

describe('utilities@1 mock: paying', () => {
  const account = { providerId: 'gas', accountNo: '3100055551' }

  it('pays two months of arrears in one payment, idempotent by orderId; a wrong amount or reused order is refused', async () => {
    const unpaid = (await bills(account)).bills.filter((b) => b.status === 'unpaid').slice(0, 2)
    const amountFen = unpaid.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0)
    const body = { ...account, billIds: unpaid.map((b) => b.id), orderId: 'order-0001', amountFen }
    expectError(await client.post('/v1/bills/pay', { ...body, amountFen: amountFen + 1 }), 422, 'AMOUNT_MISMATCH')
    const paid = await client.post('/v1/bills/pay', body)
    expect(paid.statusCode).toBe(200)
    expect(Value.Check(PayBillsResult, paid.json())).toBe(true)
    expect((await client.post('/v1/bills/pay', body)).json()).toEqual(paid.json())
    expectError(await client.post('/v1/bills/pay', { ...body, amountFen: 100 }), 409, 'ORDER_CONFLICT')
    const again = await client.post('/v1/bills/pay', { ...body, orderId: 'order-0002' })
    expectError(again, 409, 'BILL_ALREADY_PAID')
    expect(again.json().error.message).toMatch(/已在其他渠道缴纳/)
    const after = (await bills(account)).bills
    for (const id of body.billIds) expect(after.find((b) => b.id === id)).toMatchObject({ status: 'paid', lateFeeFen: 0 })
    const history = (await client.post('/v1/payments/query', account)).json()
    expect(Value.Check(AccountPayments, history)).toBe(true)
    expect(history.payments[0]).toMatchObject({ kind: 'bills', channel: 'online', amountFen, months: unpaid.map((b) => b.month).sort() })
  })

  it('a bill paid at the counter meanwhile is refused with a Chinese message, and nothing is recorded', async () => {
    const other = { providerId: 'water', accountNo: '3100077773' }
    const unpaid = (await bills(other)).bills.filter((b) => b.status === 'unpaid')
    expect((await client.post(COUNTER_PAYMENT_PATH, { ...other, billIds: [unpaid[0]!.id] })).statusCode).toBe(200)
    const amountFen = unpaid.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0)
    const res = await client.post('/v1/bills/pay', { ...other, billIds: unpaid.map((b) => b.id), orderId: 'order-0003', amountFen })
    expectError(res, 409, 'BILL_ALREADY_PAID')
    expect(res.json().error.message).toMatch(/本次未扣款/)
    expect((await bills(other)).bills.filter((b) => b.status === 'unpaid').length).toBe(unpaid.length - 1)
    expect((await client.post('/v1/payments/query', other)).json().payments[0]).toMatchObject({ channel: 'counter' })
  })

  it('tops up a prepaid meter once per order; a postpaid account → 422 NOT_PREPAID', async () => {
    const before = (await client.post('/v1/accounts/verify', PREPAID)).json().balanceFen
    const body = { ...PREPAID, orderId: 'order-topup-1', amountFen: 10_000 }
    const res = await client.post('/v1/prepaid/top-up', body)
    expect(Value.Check(TopUpResult, res.json())).toBe(true)
    expect(res.json().balanceFen).toBe(before + 10_000)
    expect((await client.post('/v1/prepaid/top-up', body)).json()).toEqual(res.json())
    expect((await client.post('/v1/accounts/verify', PREPAID)).json().balanceFen).toBe(before + 10_000)
    expectError(await client.post('/v1/prepaid/top-up', { ...POSTPAID_POWER, orderId: 'order-topup-2', amountFen: 10_000 }), 422, 'NOT_PREPAID')
    expectError(await client.post('/v1/prepaid/top-up', { ...body, orderId: 'order-topup-3', amountFen: 500 }), 400, 'VALIDATION_FAILED')
  })

  it('answers never carry a full 户号 or holder name', () => {
    for (const body of client.bodies) expect(body).not.toMatch(/"accountNo":"[0-9]{6,}"/)
  })

  describe('signatures', () => {
    itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/accounts/verify', body: WATER }, clock)
  })
})

/** A company that answers every operation in the wrong shape and pays whatever it is asked. */
function brokenCompany(): FastifyInstance {
  const broken = Fastify()
  for (const op of operations) broken.route({ method: op.method, url: op.path, handler: async () => ({ ok: true }) })
  return broken
}

describe('the utilities@1 conformance suite', () => {
  let host: AgencyApp
  let broken: FastifyInstance
  let hostUrl: string
  let brokenUrl: string
  beforeAll(async () => {
    host = createAgencyHost()
    mountAgency(host, '/good', registerUtilitiesAgency, { secret: SECRET, tenantId: 'deyang-utilities' })
    mountAgency(host, '/wrong-schema', registerUtilitiesAgency, { secret: SECRET, faults: { wrongSchema: true } })
    hostUrl = await host.listen({ host: '127.0.0.1', port: 0 })
    broken = brokenCompany()
    brokenUrl = await broken.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(async () => {
    await host.close()
    await broken.close()
  })

  async function runSuite(endpoint: string) {
    const run = new SuiteRun(endpoint, SECRET, operations, { timeoutMs: 5000 })
    const probe = await utilitiesContract.suite(run, utilitiesContract.demo.fixtures, Date.now())
    await run.badInputs()
    await run.signatures(probe)
    return run
  }
  const failures = (run: SuiteRun) => run.records.filter((r) => !r.passed).map((r) => r.note)

  it('is green against the simulated companies: every operation reached, every case passed, nothing paid', async () => {
    const run = await runSuite(`${hostUrl}/good`)
    expect(failures(run)).toEqual([])
    expect(run.unexercised()).toEqual([])
    expect(run.records.filter((r) => r.kind === 'rule').map((r) => r.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/wrong amount/), expect.stringMatching(/already paid/), expect.stringMatching(/unknown 户号/)]),
    )
    const again = await runSuite(`${hostUrl}/good`)
    expect(failures(again)).toEqual([])
  })

  it('is red against a company answering outside the contract', async () => {
    const wrapped = await runSuite(`${hostUrl}/wrong-schema`)
    expect(failures(wrapped).some((n) => /does not match listBills's schema/.test(n))).toBe(true)
    const run = await runSuite(brokenUrl)
    const failed = failures(run)
    expect(failed.some((n) => /verifyAccount of an unknown 户号: HTTP 200/.test(n))).toBe(true)
    expect(failed.some((n) => /signature|unsigned request/.test(n))).toBe(true)
    expect(run.records.filter((r) => r.kind === 'good').every((r) => !r.passed)).toBe(true)
  })
})
