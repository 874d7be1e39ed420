import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CitizenPlatform, listedServiceOf, startCitizenPlatform } from '../server/citizen-platform'

// A resident the simulated registry knows by name (mock/identity/app.ts).
const ME = { name: '张伟', idNumber: '510603199003071238' }

let p: CitizenPlatform
let trafficService: string
beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 2000 })
  trafficService = await listedServiceOf(p, 'traffic@1')
}, 60_000)
afterAll(() => p?.stop())

describe('orders the agency does not know (issue 16, finding 17)', () => {
  it('a paid fine the police answer they have no record of is not retried for ever: the citizen is refunded and the record says why', async () => {
    const c = await p.citizen()
    expect((await c.call('POST', '/v1/me/identity', ME)).statusCode).toBe(200)
    const bound = await c.call('POST', '/v1/me/vehicles', { plateType: '02', plate: '川A5W3K9', engineTail: '73215B' })
    const vehicle = `/v1/services/${trafficService}/vehicles/${bound.json().vehicle.id}`
    const fine = (await c.call('GET', `${vehicle}/violations`)).json().violations.find((v: { payableOnline: boolean }) => v.payableOnline)
    const { payment } = (await c.call('POST', `${vehicle}/violations/${fine.id}/payments`, {})).json()
    // The police no longer know the violation the order pays (withdrawn, or never theirs): they answer VIOLATION_NOT_FOUND.
    await p.db.query(`UPDATE payments SET subject = 'violation:5100009999999999' WHERE order_id = $1`, [payment.orderId])

    const paid = await c.call('POST', `/v1/me/payments/${payment.orderId}/simulated-pay`, {})
    expect(paid.statusCode).toBe(200)
    expect(paid.json().payment).toMatchObject({ status: 'refunded', refundedAt: expect.any(String) })
    const records = (await c.call('GET', '/v1/me/records')).json().records as { ref: string; status: string; what: string }[]
    expect(records.find((r) => r.ref === payment.orderId)?.status).toBe('failed')
    expect(records.find((r) => r.ref === `${payment.orderId}-r`)?.what).toContain('交管部门未查到该违法记录')
    expect(await p.db.query('SELECT status FROM payments WHERE order_id = $1', [payment.orderId])).toEqual([{ status: 'refunded' }])
  }, 30_000)
})
