import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AgencyApp, createAgencyHost, mountAgency } from '../../mock/shared/agency-app'
import { COUNTER_PAYMENT_PATH, registerUtilitiesAgency } from '../../mock/utilities/app'
import type { BillT } from '../../server/contracts/utilities'
import { callAgency } from '../../server/modules/gateway/agency-client'
import { piiInDatabase } from '../fixtures/pii-audit'
import { type Citizen, type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'
import { testBox } from './test-app'

// A resident the simulated registry knows by name (mock/identity/app.ts).
const SERVICE = 'utilities-test'
const SECRET = 'utilities-test-secret'

let p: CitizenPlatform
let companies: AgencyApp
let endpoint: string

/**
 * The platform with the demo's identity and payment agencies, plus a listed
 * utilities@1 service whose simulated companies run here (the demo catalog
 * does not list one yet), so the test can also pay a bill "at the counter".
 */
beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 2000 })
  companies = createAgencyHost()
  mountAgency(companies, `/${SERVICE}`, registerUtilitiesAgency, { secret: SECRET, tenantId: 'deyang-utilities' })
  endpoint = `${await companies.listen({ host: '127.0.0.1', port: 0 })}/${SERVICE}`
  await p.db.query(`INSERT INTO agencies (id, name, region, domains, signing_secret) VALUES ($1, '德阳市公用事业服务中心', '510600', '{utilities}', $2)`, [SERVICE, testBox.seal(SECRET)])
  await p.db.query(
    `INSERT INTO services (id, agency_id, name, summary, icon, domain, type, coverage_level, coverage_code, items, contract, endpoint, status)
     VALUES ($1, $1, '生活缴费', '水电燃气缴费', 'utilities', 'utilities', 'life', 'city', '510600', '[]', 'utilities@1', $2, 'listed')`,
    [SERVICE, endpoint],
  )
}, 60_000)
afterAll(async () => {
  await p?.stop()
  await companies?.close()
})

// A 户号 of its own per test: an odd last digit owes 2–3 months (mock/utilities/households.ts).
let n = 0
const freshAccountNo = (lastDigit: number) => `52${String(100000 + ++n * 7919).slice(-6)}${n % 10}${lastDigit}`
const url = (path = '') => `/v1/services/${SERVICE}/utility-accounts${path}`

async function verifiedCitizen(): Promise<Citizen> {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  return c
}

async function boundAccount(providerId = 'water', lastDigit = 3) {
  const c = await verifiedCitizen()
  const accountNo = freshAccountNo(lastDigit)
  const bound = await c.call('POST', url(), { providerId, accountNo })
  expect(bound.statusCode).toBe(201)
  return { c, accountNo, providerId, account: bound.json().account as { id: string; prepaid: boolean } }
}

async function unpaidBills(c: Citizen, accountId: string): Promise<BillT[]> {
  const res = await c.call('GET', url(`/${accountId}/bills`))
  expect(res.statusCode).toBe(200)
  return (res.json().bills as BillT[]).filter((b) => b.status === 'unpaid')
}

const payAtCounter = (providerId: string, accountNo: string, billIds: string[]) =>
  callAgency(endpoint, SECRET, { method: 'POST', path: COUNTER_PAYMENT_PATH, body: { providerId, accountNo, billIds } }, { timeoutMs: 2000 })

describe('binding a household account', () => {
  it('needs 实名认证, checks the 户号 on the phone and at the company, shows the holder masked, binds once, unbinds', async () => {
    const c = await p.citizen()
    expect((await c.call('POST', url('/check'), { providerId: 'water', accountNo: '3100012345' })).json().error.code).toBe('IDENTITY_REQUIRED')
    await c.call('POST', '/v1/me/identity', freshPerson())

    const providers = (await c.call('GET', `/v1/services/${SERVICE}/utility-providers`)).json().providers
    expect(providers.map((x: { name: string }) => x.name)).toEqual(['德阳市自来水有限公司', '国网德阳供电公司', '德阳市燃气有限公司'])

    const bad = await c.call('POST', url(), { providerId: 'water', accountNo: '12ab' })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.details).toEqual([{ path: 'body.accountNo', message: expect.stringContaining('6–16 位数字') }])
    const unknown = await c.call('POST', url('/check'), { providerId: 'water', accountNo: '0123456789' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('ACCOUNT_NOT_FOUND')

    const check = await c.call('POST', url('/check'), { providerId: 'water', accountNo: '3100 0123-45' })
    expect(check.statusCode).toBe(200)
    expect(check.json()).toMatchObject({ providerName: '德阳市自来水有限公司', accountNo: '******2345', holderName: expect.stringMatching(/^\*+[\u4e00-\u9fff]$/) })
    const bound = await c.call('POST', url(), { providerId: 'water', accountNo: '3100012345' })
    expect(bound.statusCode).toBe(201)
    expect(bound.json().account).toMatchObject({ providerKind: 'water', accountNo: '******2345', holderName: check.json().holderName, prepaid: false })
    expect((await c.call('POST', url(), { providerId: 'water', accountNo: '3100012345' })).json().error.code).toBe('UTILITY_ACCOUNT_ALREADY_BOUND')
    expect((await c.call('POST', url(), { providerId: 'electricity', accountNo: '3100012346' })).statusCode).toBe(201)

    const list = (await c.call('GET', url())).json().accounts
    expect(list.map((a: { providerKind: string; prepaid: boolean }) => [a.providerKind, a.prepaid])).toEqual([['water', false], ['electricity', true]])
    expect((await c.call('DELETE', url(`/${list[0].id}`))).statusCode).toBe(204)
    expect((await c.call('GET', url())).json().accounts).toHaveLength(1)
    expect((await c.call('GET', url(`/${list[0].id}/bills`))).json().error.code).toBe('UTILITY_ACCOUNT_NOT_BOUND')

    // Another citizen cannot read this citizen's account.
    const other = await verifiedCitizen()
    expect((await other.call('GET', url(`/${list[1].id}/bills`))).statusCode).toBe(404)
  })
})

describe('bills and paying them', () => {
  it('lists 13 months of bills newest first with usage, due date, status and late fee', async () => {
    const { c, account } = await boundAccount('electricity', 7)
    const res = (await c.call('GET', url(`/${account.id}/bills`))).json()
    expect(res.bills.length).toBeGreaterThanOrEqual(12)
    expect(res.bills[0]).toMatchObject({ unit: '千瓦时', status: 'unpaid', dueDate: expect.stringMatching(/-20$/) })
    expect(res.summary.unpaidCount).toBeGreaterThanOrEqual(2)
    expect(res.account).toMatchObject({ providerKind: 'electricity', prepaid: false })
    const year = (await c.call('GET', url(`/${account.id}/bills?from=2024-01&to=2024-12`))).json()
    expect(year.bills.map((b: BillT) => b.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(12 - i).padStart(2, '0')}`))
  })

  it('pays two months of arrears in one order: 20 simultaneous attempts make one order; paid, done, in 办事记录 and the history', async () => {
    const { c, account } = await boundAccount('water', 9)
    const two = (await unpaidBills(c, account.id)).slice(0, 2)
    expect(two).toHaveLength(2)
    const total = two.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0)
    const billIds = two.map((b) => b.id)

    const attempts = await Promise.all(Array.from({ length: 20 }, () => c.call('POST', url(`/${account.id}/bill-payments`), { billIds })))
    expect(attempts.map((a) => a.statusCode).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201])
    const orderIds = new Set(attempts.map((a) => a.json().payment.orderId))
    expect(orderIds.size).toBe(1)
    const [orderId] = [...orderIds]
    expect(attempts[0]!.json().payment).toMatchObject({ status: 'created', amountFen: total, simulatedCashier: true })
    expect(await p.db.query(`SELECT 1 FROM payments WHERE subject LIKE $1`, [`bills:${account.id}:%`])).toHaveLength(1)

    expect((await c.call('POST', `/v1/me/payments/${orderId}/simulated-pay`, {})).statusCode).toBe(200)
    const done = (await c.call('GET', `/v1/me/payments/${orderId}`)).json().payment
    expect(done).toMatchObject({ status: 'done', receiptNo: expect.stringMatching(/^[0-9]{20}$/), amountFen: total })

    const after = (await c.call('GET', url(`/${account.id}/bills`))).json().bills as BillT[]
    for (const id of billIds) expect(after.find((b) => b.id === id)).toMatchObject({ status: 'paid', lateFeeFen: 0 })
    // A tap after it is done answers the finished payment, not a new order.
    const again = await c.call('POST', url(`/${account.id}/bill-payments`), { billIds })
    expect(again.json().payment).toMatchObject({ orderId, status: 'done' })

    const records = (await c.call('GET', '/v1/me/records')).json().records
    expect(records[0]).toMatchObject({ what: expect.stringMatching(/^缴纳水费（\d{4}年\d+月、\d+月）$/), status: 'done', amountFen: total, ref: orderId })
    const history = (await c.call('GET', url(`/${account.id}/payments`))).json().payments
    expect(history[0]).toMatchObject({ kind: 'bills', channel: 'online', amountFen: total, months: two.map((b) => b.month).sort() })
  })

  it('a bill paid at the counter meanwhile → 409 BILL_ALREADY_PAID with a Chinese message, and nothing is charged', async () => {
    const { c, account, accountNo, providerId } = await boundAccount('gas', 5)
    const unpaid = await unpaidBills(c, account.id)
    expect((await payAtCounter(providerId, accountNo, [unpaid[0]!.id])).status).toBe(200)
    const res = await c.call('POST', url(`/${account.id}/bill-payments`), { billIds: unpaid.map((b) => b.id) })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'BILL_ALREADY_PAID', message: expect.stringMatching(/已在其他渠道缴纳，本次未扣款/) })
    expect(await p.db.query(`SELECT 1 FROM payments WHERE subject LIKE $1`, [`bills:${account.id}:%`])).toEqual([])
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([])
  })

  it('a bill paid at the counter after the order opened: the company refuses at fulfilment and the citizen is refunded', async () => {
    const { c, account, accountNo, providerId } = await boundAccount('water', 1)
    const unpaid = await unpaidBills(c, account.id)
    const opened = await c.call('POST', url(`/${account.id}/bill-payments`), { billIds: unpaid.map((b) => b.id) })
    expect(opened.statusCode).toBe(201)
    const { orderId } = opened.json().payment
    expect((await payAtCounter(providerId, accountNo, [unpaid[0]!.id])).status).toBe(200)
    await c.call('POST', `/v1/me/payments/${orderId}/simulated-pay`, {})
    const payment = (await c.call('GET', `/v1/me/payments/${orderId}`)).json().payment
    expect(payment).toMatchObject({ status: 'refunded', refundedAt: expect.any(String) })
    const records = (await c.call('GET', '/v1/me/records')).json().records
    expect(records.map((r: { status: string; what: string }) => [r.status, r.what])).toEqual([
      ['done', expect.stringContaining('退款')],
      ['failed', expect.stringContaining('缴纳水费')],
    ])
    // Refused for good is not "not confirmed yet": no retry is promised, the refund is said.
    const logged = p.logs.filter((line) => line.includes(orderId)).join('\n')
    expect(logged).toContain('refused a paid order for good')
    expect(logged).not.toContain('has not confirmed yet')
  })

  it('tops up a prepaid meter in one payment; a repeated tap is the same order; a postpaid account cannot be topped up', async () => {
    const { c, account } = await boundAccount('electricity', 4)
    expect(account.prepaid).toBe(true)
    const body = { amountFen: 10_000, requestId: 'topup-request-0001' }
    const [first, second] = await Promise.all([c.call('POST', url(`/${account.id}/top-ups`), body), c.call('POST', url(`/${account.id}/top-ups`), body)])
    expect(first.json().payment.orderId).toBe(second.json().payment.orderId)
    const { orderId } = first.json().payment
    await c.call('POST', `/v1/me/payments/${orderId}/simulated-pay`, {})
    expect((await c.call('GET', `/v1/me/payments/${orderId}`)).json().payment).toMatchObject({ status: 'done', amountFen: 10_000 })
    expect((await c.call('GET', url(`/${account.id}/payments`))).json().payments[0]).toMatchObject({ kind: 'top-up', amountFen: 10_000 })
    // A new top-up of the same amount is a new order.
    const next = await c.call('POST', url(`/${account.id}/top-ups`), { ...body, requestId: 'topup-request-0002' })
    expect(next.statusCode).toBe(201)
    expect(next.json().payment.orderId).not.toBe(orderId)
    expect((await c.call('POST', url(`/${account.id}/top-ups`), { ...body, amountFen: 500, requestId: 'topup-request-0003' })).statusCode).toBe(422)

    const postpaid = await boundAccount('water', 3)
    const refused = await postpaid.c.call('POST', url(`/${postpaid.account.id}/top-ups`), body)
    expect(refused.json().error.code).toBe('NOT_PREPAID')
  })

  it('keeps the 户号 only sealed', async () => {
    const { accountNo } = await boundAccount('gas', 2)
    expect(await piiInDatabase(p.db, [accountNo])).toEqual([])
    expect(p.logs.join('')).not.toContain(accountNo)
  })
})
