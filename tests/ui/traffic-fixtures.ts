import type { VehicleT } from '../../src/api/citizens'
import type { PaymentT } from '../../src/api/payments'
import type { VehicleViolationsT, ViolationViewT } from '../../src/api/traffic'

/** Answers of the traffic and payment API as the server sends them (PII masked), for the page tests. */
export const VEHICLE: VehicleT = {
  id: '00000000-0000-4000-8000-000000000001',
  plate: '川A***45',
  plateType: '02',
  plateTypeName: '小型汽车',
  engineTail: '****5A',
  createdAt: '2026-11-20T02:00:00.000Z',
}

export const VIOLATION: ViolationViewT['violation'] = {
  id: '5101000000000001',
  time: '2026-10-01T01:30:00.000Z',
  place: '成都市天府大道北段与锦城大道交叉口',
  behaviour: '驾驶机动车违反道路交通信号灯通行',
  code: '16250',
  fineFen: 20000,
  points: 6,
  status: 'unpaid',
  payableOnline: true,
  lawBasis: '《道路交通安全法》第九十条',
  authority: '成都市公安局交通管理局',
  lateFeeFen: 6000,
  payableFen: 26000,
}

export function violationView(overrides: Partial<ViolationViewT['violation']> = {}, payment: PaymentT | null = null): ViolationViewT {
  return { vehicle: VEHICLE, violation: { ...VIOLATION, ...overrides }, payment }
}

export function payment(overrides: Partial<PaymentT> = {}): PaymentT {
  return {
    orderId: 'ord_0001',
    serviceId: 'chengdu-traffic',
    description: '交通违法罚款',
    amountFen: 26000,
    status: 'created',
    createdAt: '2026-11-20T02:00:00.000Z',
    expiresAt: '2026-11-20T02:30:00.000Z',
    simulatedCashier: true,
    ...overrides,
  }
}

export function vehicleViolations(violations: VehicleViolationsT['violations']): VehicleViolationsT {
  const unpaid = violations.filter((v) => v.status === 'unpaid')
  return {
    vehicle: VEHICLE,
    violations,
    summary: {
      count: violations.length,
      unpaidCount: unpaid.length,
      unpaidFineFen: unpaid.reduce((n, v) => n + v.fineFen, 0),
      unpaidPoints: unpaid.reduce((n, v) => n + v.points, 0),
      unpaidLateFeeFen: unpaid.reduce((n, v) => n + v.lateFeeFen, 0),
      unpaidPayableFen: unpaid.reduce((n, v) => n + v.payableFen, 0),
    },
  }
}

/** A promise the test settles when it wants to. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
