import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'
import { bindVehicle, getMe, listRecords, listVehicles, unbindVehicle, verifyIdentity } from '../../../src/services/citizen-api'
import { getPayment, paySimulated } from '../../../src/services/payment-api'
import { API_BASE } from '../../../src/services/request'
import { createViolationPayment, getLicence, getVehicleViolations, getViolation } from '../../../src/services/traffic-api'
import { useSessionStore } from '../../../src/stores/session-store'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

const VEHICLE_ID = '00000000-0000-4000-8000-000000000001'

/** Each call answers `body`; returns what was sent, as "METHOD path", with its body and Authorization. */
function answering(body: unknown, status = 200) {
  fakeTaro.request.mockResolvedValue(httpAnswer(status, body))
  return () =>
    fakeTaro.request.mock.calls.map((c) => {
      const r = c[0] as { method: string; url: string; data?: unknown; header: Record<string, string> }
      return { call: `${r.method} ${r.url.slice(API_BASE.length)}`, data: r.data, auth: r.header.Authorization }
    })
}

describe('citizen, traffic and payment API calls', () => {
  beforeEach(() => {
    resetFakeTaro()
    useSessionStore.setState({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', loggedOut: false })
  })

  it('/v1/me: identity, vehicles and records, on behalf of the session', async () => {
    const sent = answering({ identity: { name: '*伟' }, vehicles: [], vehicle: { id: 'v' }, records: [] })
    await getMe()
    await expect(verifyIdentity({ name: '张伟', idNumber: '510603199003071238' })).resolves.toEqual({ name: '*伟' })
    await expect(listVehicles()).resolves.toEqual([])
    await expect(bindVehicle({ plateType: '02', plate: '川A12345', engineTail: '12345A' })).resolves.toEqual({ id: 'v' })
    await expect(listRecords()).resolves.toEqual([])
    expect(sent().map((s) => s.call)).toEqual(['GET /v1/me', 'POST /v1/me/identity', 'GET /v1/me/vehicles', 'POST /v1/me/vehicles', 'GET /v1/me/records'])
    expect(sent()[1]?.data).toEqual({ name: '张伟', idNumber: '510603199003071238' })
    expect(sent().every((s) => s.auth === 'Bearer tok')).toBe(true)
  })

  it('解绑 is a DELETE answered with 204', async () => {
    const sent = answering(null, 204)
    await expect(unbindVehicle(VEHICLE_ID)).resolves.toBeUndefined()
    expect(sent()[0]?.call).toBe(`DELETE /v1/me/vehicles/${VEHICLE_ID}`)
  })

  it('the traffic service: violations, one violation, licence, and the payment order with an empty body', async () => {
    const sent = answering({ payment: { orderId: 'o' } })
    await getVehicleViolations('chengdu-traffic', VEHICLE_ID)
    await getViolation('chengdu-traffic', VEHICLE_ID, '5101000000000001')
    await getLicence('chengdu-traffic')
    await expect(createViolationPayment('chengdu-traffic', VEHICLE_ID, '5101000000000001')).resolves.toEqual({ orderId: 'o' })
    const base = `/v1/services/chengdu-traffic/vehicles/${VEHICLE_ID}/violations`
    expect(sent().map((s) => s.call)).toEqual([
      `GET ${base}`,
      `GET ${base}/5101000000000001`,
      'GET /v1/services/chengdu-traffic/licence',
      `POST ${base}/5101000000000001/payments`,
    ])
    expect(sent()[3]?.data).toEqual({})
  })

  it('payments: read the order, pay it at the simulated cashier', async () => {
    const sent = answering({ payment: { orderId: 'ord_1', status: 'paid' } })
    await expect(getPayment('ord_1')).resolves.toEqual({ orderId: 'ord_1', status: 'paid' })
    await paySimulated('ord_1')
    expect(sent().map((s) => s.call)).toEqual(['GET /v1/me/payments/ord_1', 'POST /v1/me/payments/ord_1/simulated-pay'])
    expect(sent()[1]?.data).toEqual({})
  })
})
