import { createHash } from 'node:crypto'
import { maskIdNumber } from '../../src/domain/mask'
import { TRAFFIC_ERRORS, operations, type PayViolationResultT } from '../../server/contracts/traffic'
import type { Violation, ViolationDetailT } from '../../src/api/traffic'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { isoCst } from '../shared/china-time'
import { type GeneratedViolation, NOT_PAYABLE, generateViolations, isRegistered, licenceOf } from './data'
import { lateFeeFen } from '../../src/domain/late-fee'
import { cityOfTenant } from '../shared/tenant-city'

export type TrafficAgencyOptions = AgencyOptions

interface Payment {
  violationId: string
  amountFen: number
  result: PayViolationResultT
}

/**
 * The simulated traffic police (交管) of the tenant's city implementing
 * traffic@1. Records are derived from the plate and the city (see data.ts); payments are kept in memory: a fine is
 * paid at most once, and an orderId always gets the answer it got first.
 */
export function registerTrafficAgency(scope: AgencyScope, options: TrafficAgencyOptions): void {
  const now = options.now ?? Date.now
  const city = cityOfTenant(options.tenantId, 'traffic')
  // Violation ids seen in a list → the vehicle they belong to (detail and pay look them up).
  const known = new Map<string, { plate: string; plateType: string }>()
  const paymentsByOrder = new Map<string, Payment>()
  const paymentsByViolation = new Map<string, Payment>()

  const recordsOf = (plate: string, plateType: string): GeneratedViolation[] =>
    generateViolations(plate, plateType, city, now()).map((v) => {
      known.set(v.id, { plate, plateType })
      const paid = paymentsByViolation.get(v.id)
      if (!paid) return v
      const { notPayableReason: _dropped, ...rest } = v
      return { ...rest, status: 'paid', payableOnline: false, notPayableReason: NOT_PAYABLE.paid }
    })

  const find = (violationId: string): GeneratedViolation => {
    const owner = known.get(violationId)
    const found = owner && recordsOf(owner.plate, owner.plateType).find((v) => v.id === violationId)
    if (!found) {
      throw fail(TRAFFIC_ERRORS, 'VIOLATION_NOT_FOUND', `No violation ${violationId}; list the vehicle's violations first / 未找到该违法记录`)
    }
    return found
  }

  const summaryOf = (v: GeneratedViolation): Violation => ({
    id: v.id,
    time: v.time,
    place: v.place,
    behaviour: v.behaviour,
    code: v.code,
    fineFen: v.fineFen,
    points: v.points,
    status: v.status,
    payableOnline: v.payableOnline,
    ...(v.notPayableReason ? { notPayableReason: v.notPayableReason } : {}),
  })

  implement(scope, operation(operations, 'listViolations'), ({ body }) => {
    if (!isRegistered(body.plate, body.engineTail)) {
      throw fail(TRAFFIC_ERRORS, 'VEHICLE_NOT_FOUND', 'No vehicle with this plate, plate type and engine number / 未查询到该车辆，请核对号牌和发动机号后6位', [
        { path: 'body.engineTail', message: 'check the plate and the engine-number tail / 请核对号牌和发动机号' },
      ])
    }
    const violations = recordsOf(body.plate, body.plateType).map(summaryOf)
    const unpaid = violations.filter((v) => v.status === 'unpaid')
    return {
      violations,
      summary: {
        count: violations.length,
        unpaidCount: unpaid.length,
        unpaidFineFen: unpaid.reduce((s, v) => s + v.fineFen, 0),
        unpaidPoints: unpaid.reduce((s, v) => s + v.points, 0),
      },
    }
  })

  implement(scope, operation(operations, 'getViolation'), ({ params }): ViolationDetailT => {
    const v = find(params.violationId)
    const lateFee = v.status === 'unpaid' ? lateFeeFen(v.fineFen, Date.parse(v.time), now()) : 0
    const paid = paymentsByViolation.get(v.id)
    return {
      ...summaryOf(v),
      lawBasis: v.lawBasis,
      authority: v.authority,
      lateFeeFen: lateFee,
      payableFen: v.status === 'unpaid' ? v.fineFen + lateFee : 0,
      ...(paid ? { paidAt: paid.result.paidAt, orderId: paid.result.orderId } : v.historicPaidAt ? { paidAt: v.historicPaidAt } : {}),
    }
  })

  implement(scope, operation(operations, 'payViolation'), ({ body }) => {
    // Check and record in one synchronous step: concurrent requests cannot both pass.
    const previous = paymentsByOrder.get(body.orderId)
    if (previous) {
      if (previous.violationId !== body.violationId || previous.amountFen !== body.amountFen) {
        throw fail(TRAFFIC_ERRORS, 'ORDER_CONFLICT', `Order ${body.orderId} was already used for another payment / 该订单号已用于其他缴款`)
      }
      return previous.result
    }
    const v = find(body.violationId)
    if (paymentsByViolation.has(v.id) || v.status === 'paid' || v.status === 'processing') {
      throw fail(TRAFFIC_ERRORS, 'ALREADY_PAID', 'This fine is already paid or being processed / 该违法已缴款或正在处理，请勿重复缴款')
    }
    if (!v.payableOnline) throw fail(TRAFFIC_ERRORS, 'NOT_PAYABLE_ONLINE', v.notPayableReason ?? '不支持网上缴款')
    const due = v.fineFen + lateFeeFen(v.fineFen, Date.parse(v.time), now())
    if (body.amountFen !== due) {
      throw fail(TRAFFIC_ERRORS, 'AMOUNT_MISMATCH', `The amount due is ${due} fen, not ${body.amountFen} / 缴款金额应为 ${(due / 100).toFixed(2)} 元`, [
        { path: 'body.amountFen', message: `expected ${due}` },
      ])
    }
    const receiptNo = BigInt('0x' + createHash('sha256').update(`${v.id}|${body.orderId}`).digest('hex').slice(0, 16))
      .toString()
      .padStart(20, '0')
      .slice(-20)
    const payment: Payment = {
      violationId: v.id,
      amountFen: body.amountFen,
      result: { violationId: v.id, orderId: body.orderId, amountFen: body.amountFen, status: 'paid', paidAt: isoCst(now()), receiptNo },
    }
    paymentsByOrder.set(body.orderId, payment)
    paymentsByViolation.set(v.id, payment)
    return payment.result
  })

  implement(scope, operation(operations, 'getLicencePoints'), ({ body }) => {
    const licence = licenceOf(body.licenceNo, now())
    if (!licence) throw fail(TRAFFIC_ERRORS, 'LICENCE_NOT_FOUND', 'No driving licence for this number / 未查询到该驾驶证')
    return {
      licenceNo: maskIdNumber(body.licenceNo),
      licenceClass: licence.licenceClass,
      points: licence.points,
      cycleStart: licence.cycleStart,
      cycleEnd: licence.cycleEnd,
      status: licence.points >= 12 ? ('full' as const) : ('normal' as const),
      validUntil: licence.validUntil,
    }
  })
}

/** The traffic agency as a standalone app, its operations at the root. */
export function buildTrafficAgency(options: TrafficAgencyOptions): AgencyApp {
  return createAgencyApp(registerTrafficAgency, options)
}
