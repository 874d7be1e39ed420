import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { wechatpayHeaders } from '../../server/contracts/wechat-pay/protocol'
import { piiInDatabase } from '../fixtures/pii-audit'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'
import { NOTIFY, paidTransaction, signedNotification } from './wechatpay-notifications'

// A resident the simulated registry knows by name (mock/identity/app.ts).
const PERSON = { name: '张伟', idNumber: '510603199003071238' }
const CAR = { plateType: '02', plate: '川A8K2Q7', engineTail: '73215B' }

let p: CitizenPlatform
let trafficService: string

beforeAll(async () => {
  // Agency calls give up after 1 s here (5 s in production), so the timeout cases stay quick.
  p = await startCitizenPlatform({ agencyTimeoutMs: 1000 })
  ;[{ id: trafficService } = { id: '' }] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE contract = 'traffic@1' AND status = 'listed' ORDER BY id LIMIT 1`)
}, 60_000)
afterAll(() => p?.stop())

// A plate of its own per test: the simulated police know every plate, and a fine paid in one test stays paid.
let plates = 0
const freshPlate = () => `川A${String(10000 + ++plates * 7919).slice(-5)}`

async function verifiedCitizenWithCar() {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  const bound = await c.call('POST', '/v1/me/vehicles', { ...CAR, plate: freshPlate() })
  expect(bound.statusCode).toBe(201)
  return { c, vehicleId: bound.json().vehicle.id as string }
}

describe('sessions', () => {
  it('logs in with a WeChat code once, and a revoked or expired session stops working', async () => {
    const { code } = (await p.app.inject({ method: 'POST', url: '/v1/sessions/simulated-code', payload: { user: 'session-test-user' } })).json()
    const first = await p.app.inject({ method: 'POST', url: '/v1/sessions', payload: { code } })
    expect(first.statusCode).toBe(201)
    const again = await p.app.inject({ method: 'POST', url: '/v1/sessions', payload: { code } })
    expect(again.statusCode).toBe(401)
    expect(again.json().error.code).toBe('WECHAT_CODE_INVALID')
    expect((await p.app.inject({ method: 'POST', url: '/v1/sessions', payload: { code: 'made-up' } })).json().error.code).toBe('WECHAT_CODE_INVALID')

    const auth = { authorization: `Bearer ${first.json().token}` }
    expect((await p.app.inject({ method: 'GET', url: '/v1/me', headers: auth })).json()).toEqual({ identity: null, vehicles: 0 })
    expect((await p.app.inject({ method: 'DELETE', url: '/v1/sessions/current', headers: auth })).statusCode).toBe(204)
    const after = await p.app.inject({ method: 'GET', url: '/v1/me', headers: auth })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('SESSION_INVALID')

    const c = await p.citizen()
    await p.db.query(`UPDATE citizen_sessions SET expires_at = now() - interval '1 second'`)
    expect((await c.call('GET', '/v1/me')).statusCode).toBe(401)
  })

  it('the same WeChat user is the same citizen on every login', async () => {
    const login = async () => {
      const { code } = (await p.app.inject({ method: 'POST', url: '/v1/sessions/simulated-code', payload: { user: 'same-user-twice' } })).json()
      return (await p.app.inject({ method: 'POST', url: '/v1/sessions', payload: { code } })).json().token as string
    }
    const a = await login()
    await p.app.inject({ method: 'POST', url: '/v1/me/identity', headers: { authorization: `Bearer ${a}` }, payload: freshPerson() })
    const b = await login()
    const me = (await p.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${b}` } })).json()
    expect(me.identity).toMatchObject({ name: '*伟', idNumber: '5106**********1238' })
  })
})

describe('real-name verification', () => {
  it('checks the ID number locally first: a wrong check character is a 422 naming the field, and nothing is stored', async () => {
    const c = await p.citizen()
    const res = await c.call('POST', '/v1/me/identity', { name: '张伟', idNumber: '510603199003071239' })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details).toEqual([{ path: 'body.idNumber', message: expect.stringContaining('校验码') }])
    expect((await c.call('GET', '/v1/me')).json().identity).toBeNull()
  })

  it('a name that does not match the registry is refused; a match is stored sealed and answered masked', async () => {
    const c = await p.citizen()
    const wrong = await c.call('POST', '/v1/me/identity', { name: '李四', idNumber: PERSON.idNumber })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.code).toBe('IDENTITY_MISMATCH')
    const ok = await c.call('POST', '/v1/me/identity', { name: ' 张伟 ', idNumber: '510603199003071238 ' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().identity).toMatchObject({ name: '*伟', idNumber: '5106**********1238' })
    expect((await c.call('POST', '/v1/me/identity', PERSON)).json().error.code).toBe('IDENTITY_ALREADY_VERIFIED')
  })
})

describe('vehicles', () => {
  it('needs a verified identity, validates plate and engine tail, binds several, refuses duplicates, unbinds', async () => {
    const c = await p.citizen()
    expect((await c.call('POST', '/v1/me/vehicles', CAR)).json().error.code).toBe('IDENTITY_REQUIRED')
    await c.call('POST', '/v1/me/identity', freshPerson())
    const bad = await c.call('POST', '/v1/me/vehicles', { plateType: '02', plate: '川AI2345', engineTail: '7321' })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.plate', 'body.engineTail'])
    const car = await c.call('POST', '/v1/me/vehicles', { ...CAR, plate: '川a·8k2q7' })
    expect(car.statusCode).toBe(201)
    expect(car.json().vehicle).toMatchObject({ plate: '川A***Q7', plateType: '02', plateTypeName: '小型汽车', engineTail: '****5B' })
    expect((await c.call('POST', '/v1/me/vehicles', CAR)).json().error.code).toBe('VEHICLE_ALREADY_BOUND')
    expect((await c.call('POST', '/v1/me/vehicles', { plateType: '52', plate: '粤BD12345', engineTail: '000001' })).statusCode).toBe(201)
    const list = (await c.call('GET', '/v1/me/vehicles')).json().vehicles
    expect(list.map((v: { plate: string }) => v.plate)).toEqual(['川A***Q7', '粤B****45'])
    expect((await c.call('DELETE', `/v1/me/vehicles/${list[0].id}`)).statusCode).toBe(204)
    expect((await c.call('GET', '/v1/me')).json().vehicles).toBe(1)
  })
})

describe('traffic fines and payment', () => {
  it('lists violations; one that cannot be paid online says why and cannot be paid', async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const list = await c.call('GET', `/v1/services/${trafficService}/vehicles/${vehicleId}/violations`)
    expect(list.statusCode).toBe(200)
    const { violations } = list.json()
    const hard = violations.find((v: { payableOnline: boolean; status: string }) => !v.payableOnline && v.status === 'unpaid')
    expect(hard.notPayableReason).toMatch(/[\u4e00-\u9fff]/)
    const pay = await c.call('POST', `/v1/services/${trafficService}/vehicles/${vehicleId}/violations/${hard.id}/payments`, {})
    expect(pay.statusCode).toBe(422)
    expect(pay.json().error.code).toBe('NOT_PAYABLE_ONLINE')
  })

  it('20 simultaneous payment attempts for one violation make one order and one payment; the fine shows paid and in 办事记录', async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const { violations } = (await c.call('GET', `/v1/services/${trafficService}/vehicles/${vehicleId}/violations`)).json()
    const fine = violations.find((v: { payableOnline: boolean }) => v.payableOnline)
    const url = `/v1/services/${trafficService}/vehicles/${vehicleId}/violations/${fine.id}`

    const attempts = await Promise.all(Array.from({ length: 20 }, () => c.call('POST', `${url}/payments`, {})))
    expect(attempts.map((a) => a.statusCode).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201])
    const orderIds = new Set(attempts.map((a) => a.json().payment.orderId))
    expect(orderIds.size).toBe(1)
    const [orderId] = [...orderIds]
    expect(attempts.find((a) => a.statusCode === 201)!.json().payment).toMatchObject({ status: 'created', amountFen: fine.fineFen, simulatedCashier: true })

    const taps = await Promise.all(Array.from({ length: 5 }, () => c.call('POST', `/v1/me/payments/${orderId}/simulated-pay`, {})))
    for (const t of taps) expect(t.statusCode).toBe(200)
    const done = (await c.call('GET', `/v1/me/payments/${orderId}`)).json().payment
    expect(done).toMatchObject({ status: 'done', receiptNo: expect.stringMatching(/^[0-9]{20}$/) })

    const view = (await c.call('GET', url)).json()
    expect(view.violation).toMatchObject({ status: 'paid', orderId })
    expect(view.payment.status).toBe('done')
    expect(await p.db.query(`SELECT order_id FROM payments WHERE subject = $1`, [`violation:${fine.id}`])).toHaveLength(1)
    const records = (await c.call('GET', '/v1/me/records')).json().records
    expect(records).toEqual([expect.objectContaining({ serviceId: trafficService, status: 'done', amountFen: fine.fineFen, ref: orderId, what: expect.stringContaining('交通违法罚款') })])
    // Paying again is refused: the agency says it is paid.
    expect((await c.call('POST', `${url}/payments`, {})).json().payment.status).toBe('done')
  })

  it('WeChat Pay v3 notifications: forged, stale and SIGNTEST ones are refused and change nothing; 15 redeliveries of a genuine one change the order once', async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const { violations } = (await c.call('GET', `/v1/services/${trafficService}/vehicles/${vehicleId}/violations`)).json()
    const fine = violations.find((v: { payableOnline: boolean }) => v.payableOnline)
    const { payment } = (await c.call('POST', `/v1/services/${trafficService}/vehicles/${vehicleId}/violations/${fine.id}/payments`, {})).json()
    const keys = p.simulatedWechatPay!.keys
    const tx = paidTransaction(keys, payment.orderId, payment.amountFen)
    const send = (n: { headers: Record<string, string>; body: string }) =>
      p.app.inject({ method: 'POST', url: NOTIFY, headers: { 'content-type': 'application/json', ...n.headers }, payload: n.body })
    const status = async () => (await c.call('GET', `/v1/me/payments/${payment.orderId}`)).json().payment.status

    const forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    const forged = await send(signedNotification({ ...keys, privateKey: forgerKey }, tx))
    expect(forged.statusCode).toBe(401)
    expect(forged.json()).toMatchObject({ code: 'FAIL', error: { code: 'SIGNATURE_INVALID' } })
    const stale = await send(signedNotification(keys, tx, { nowS: Math.floor(Date.now() / 1000) - 301 }))
    expect(stale.json()).toMatchObject({ code: 'FAIL', error: { code: 'SIGNATURE_EXPIRED' } })
    const probe = signedNotification(keys, tx)
    const signtest = await send({ ...probe, headers: { ...probe.headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${probe.headers['wechatpay-signature']}` } })
    expect(signtest.json()).toMatchObject({ code: 'FAIL', error: { code: 'SIGNATURE_PROBE' } })
    const unknownKey = await send({ ...probe, headers: { ...probe.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000' } })
    expect(unknownKey.json().error.code).toBe('SIGNATURE_UNKNOWN_KEY')
    expect((await send({ headers: {}, body: probe.body })).json().error.code).toBe('SIGNATURE_MISSING')
    // Signed by WeChat Pay but encrypted with another APIv3 key: refused.
    const otherKey = await send(signedNotification({ ...keys, apiV3Key: 'x'.repeat(32) }, tx))
    expect(otherKey.json().error.code).toBe('RESOURCE_UNDECRYPTABLE')
    // Malformed JSON: refused for its signature first, and as INVALID_JSON only when signed.
    const broken = '{"id":'
    expect((await send({ headers: {}, body: broken })).json().error.code).toBe('SIGNATURE_MISSING')
    expect((await send({ headers: wechatpayHeaders({ serial: keys.publicKeyId, privateKey: keys.privateKey }, broken, Math.floor(Date.now() / 1000)), body: broken })).json().error.code).toBe('INVALID_JSON')
    expect(await status()).toBe('created')

    // WeChat redelivers until it gets a 2xx (and sometimes after): each delivery a fresh envelope id, nonce and signature.
    const answers = []
    for (let i = 0; i < 15; i++) answers.push(await send(signedNotification(keys, tx)))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(15).fill(204))
    await vi.waitFor(async () => expect(await status()).toBe('done'), { timeout: 10_000 })
    expect(await p.db.query(`SELECT status, transaction_id FROM payments WHERE order_id = $1`, [payment.orderId])).toEqual([{ status: 'done', transaction_id: tx.transaction_id }])
    expect(await p.db.query(`SELECT status FROM citizen_records WHERE ref = $1`, [payment.orderId])).toEqual([{ status: 'done' }])
    const paidLines = p.logs.filter((l) => l.includes(payment.orderId) && l.includes('"msg":"payment recorded paid"'))
    expect(paidLines).toHaveLength(1)
  })
})

describe('an agency that does not answer', () => {
  /** Points the contract's service at a server that accepts connections and never answers, for the duration of fn. */
  async function whileHanging(contract: string, fn: () => Promise<void>) {
    const server = createServer(() => {}).listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const port = (server.address() as { port: number }).port
    const [before] = await p.db.query<{ endpoint: string }>(`SELECT endpoint FROM services WHERE contract = $1`, [contract])
    await p.db.query(`UPDATE services SET endpoint = $2 WHERE contract = $1`, [contract, `http://127.0.0.1:${port}/hang`])
    try {
      await fn()
    } finally {
      await p.db.query(`UPDATE services SET endpoint = $2 WHERE contract = $1`, [contract, before!.endpoint])
      server.close()
    }
  }

  /** Points the platform's WeChat Pay at a server that accepts connections and never answers, for the duration of fn. */
  async function whileWechatPayHangs(fn: () => Promise<void>) {
    const server = createServer(() => {}).listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    p.simulatedWechatPay!.pointAt(`http://127.0.0.1:${(server.address() as { port: number }).port}/hang`)
    try {
      await fn()
    } finally {
      p.simulatedWechatPay!.pointAt()
      server.close()
    }
  }

  it('identity agency timeout → 504 with a message to retry, nothing stored; the retry works', async () => {
    const c = await p.citizen()
    const person = freshPerson()
    await whileHanging('identity@1', async () => {
      const res = await c.call('POST', '/v1/me/identity', person)
      expect(res.statusCode).toBe(504)
      expect(res.json().error).toMatchObject({ code: 'AGENCY_TIMEOUT', message: expect.stringContaining('稍后重试') })
      expect((await c.call('GET', '/v1/me')).json().identity).toBeNull()
    })
    expect((await c.call('POST', '/v1/me/identity', person)).statusCode).toBe(200)
  })

  it('payment agency timeout while paying → 504; the retry continues the same order, nothing is doubled', async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const { violations } = (await c.call('GET', `/v1/services/${trafficService}/vehicles/${vehicleId}/violations`)).json()
    const fine = violations.find((v: { payableOnline: boolean }) => v.payableOnline)
    const url = `/v1/services/${trafficService}/vehicles/${vehicleId}/violations/${fine.id}/payments`
    await whileWechatPayHangs(async () => {
      const res = await c.call('POST', url, {})
      expect(res.statusCode).toBe(504)
      expect(res.json().error.code).toBe('AGENCY_TIMEOUT')
    })
    const retry = await c.call('POST', url, {})
    expect(retry.statusCode).toBe(200)
    expect(retry.json().payment).toMatchObject({ status: 'created', payParams: expect.any(Object) })
    expect(await p.db.query(`SELECT order_id FROM payments WHERE subject = $1`, [`violation:${fine.id}`])).toEqual([{ order_id: retry.json().payment.orderId }])
    expect((await c.call('GET', '/v1/me/records')).json().records).toHaveLength(1)
  })
})

describe('PII after all of the above', () => {
  it('no name, ID number or plate in any table outside the sealed columns, nor in any log line', async () => {
    const secrets = [PERSON.name, PERSON.idNumber, CAR.engineTail, ...Array.from({ length: plates }, (_, i) => `川A${String(10000 + (i + 1) * 7919).slice(-5)}`), '川A8K2Q7', '粤BD12345']
    expect(await piiInDatabase(p.db, secrets)).toEqual([])
    const [sealed] = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM citizens WHERE identity_sealed LIKE 'v1.%'`)
    expect(sealed!.n).toBeGreaterThan(3)
    const logs = p.logs.join('')
    expect(p.logs.length).toBeGreaterThan(20)
    for (const secret of secrets) expect(logs).not.toContain(secret)
  })
})
