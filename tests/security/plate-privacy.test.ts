import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Citizen, type CitizenPlatform, listedServiceOf, startCitizenPlatform } from '../server/citizen-platform'

// Residents the simulated registry knows by name (mock/identity/app.ts).
const FIRST = { name: '张伟', idNumber: '510603199003071238' }
const SECOND = { name: '王芳', idNumber: '110105199512300044' }
const VEHICLE = { plateType: '02', plate: '川A5W3K9', engineTail: '73215B' }

let p: CitizenPlatform
let trafficService: string
beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 2000 })
  trafficService = await listedServiceOf(p, 'traffic@1')
}, 60_000)
afterAll(() => p?.stop())

/** A verified citizen with the shared vehicle bound: the path of its violations. */
async function withVehicle(person: { name: string; idNumber: string }): Promise<{ c: Citizen; vehicle: string }> {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', person)).statusCode).toBe(200)
  const bound = await c.call('POST', '/v1/me/vehicles', VEHICLE)
  expect(bound.statusCode).toBe(201)
  return { c, vehicle: `/v1/services/${trafficService}/vehicles/${bound.json().vehicle.id}` }
}

describe('plate privacy between citizens (issue 16, finding 15)', () => {
  it("a second citizen who binds the same plate never sees the first one's payment for a violation: only that it is being paid, then paid", async () => {
    const first = await withVehicle(FIRST)
    const second = await withVehicle(SECOND)
    const fine = (await first.c.call('GET', `${first.vehicle}/violations`)).json().violations.find((v: { payableOnline: boolean }) => v.payableOnline)
    const opened = await first.c.call('POST', `${first.vehicle}/violations/${fine.id}/payments`, {})
    expect(opened.statusCode).toBe(201)
    const { orderId } = opened.json().payment

    const seen = await second.c.call('GET', `${second.vehicle}/violations/${fine.id}`)
    expect(seen.statusCode).toBe(200)
    expect(seen.json()).toMatchObject({ payment: null, paymentElsewhere: 'in-progress' })
    expect(seen.body).not.toContain(orderId)
    // Paying it too is refused without naming the first citizen's order.
    const pay = await second.c.call('POST', `${second.vehicle}/violations/${fine.id}/payments`, {})
    expect(pay.statusCode).toBe(409)
    expect(pay.body).not.toContain(orderId)
    expect((await second.c.call('GET', `/v1/me/payments/${orderId}`)).statusCode).toBe(404)

    // The first citizen still sees their own payment in full.
    expect((await first.c.call('GET', `${first.vehicle}/violations/${fine.id}`)).json().payment).toMatchObject({ orderId, status: 'created' })

    expect((await first.c.call('POST', `/v1/me/payments/${orderId}/simulated-pay`, {})).json().payment.status).toBe('done')
    const after = await second.c.call('GET', `${second.vehicle}/violations/${fine.id}`)
    expect(after.json()).toMatchObject({ payment: null, paymentElsewhere: 'paid' })
    expect(after.body).not.toContain(orderId)
  }, 30_000)
})
