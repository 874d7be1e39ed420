import type { FastifyBaseLogger } from 'fastify'
import { trafficContract } from '../../contracts/traffic'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { requireIdentity } from '../citizens/identity-service'
import { ownVehicle } from '../citizens/vehicle-service'
import { type AgencyDeps, agencyFor } from '../gateway/bound-agency'
import type { PaymentRow, Payments } from '../payments/payment-service'
import type { PaymentT } from '../../../src/api/payments'
import { withDues } from '../../../src/domain/violation-dues'
import type { LicenceViewT, VehicleViolationsT, ViolationViewT } from '../../../src/api/traffic'

/** A violation as the citizen names it: the traffic service, their vehicle, the violation. */
export interface ViolationRef {
  serviceId: string
  vehicleId: string
  violationId: string
}

const trafficPolice = (deps: AgencyDeps, serviceId: string, log: FastifyBaseLogger) => agencyFor(deps, serviceId, trafficContract, log)
const subjectOf = (violationId: string) => ({ kind: 'violation' as const, id: violationId })

/** A violation is paid once across the platform: refused when another listing already has a payment for it. */
function paidElsewhere(other: PaymentRow): HttpError {
  return other.status === 'created'
    ? new HttpError(409, 'ALREADY_PAID', 'This fine is being paid through another service / 该违法已在其他服务中发起缴款，请完成那笔支付，或等它关闭（30 分钟未支付自动关闭）后再缴')
    : new HttpError(409, 'ALREADY_PAID', 'This fine was already paid through another service / 该违法已通过其他服务缴款，无需重复缴款，可在办事记录中查看')
}

/**
 * 交通违法 through the city's traffic police (traffic@1): the platform opens
 * the citizen's sealed vehicle and sends the plate only to that agency, in a
 * signed request. A violation is shown or paid only if it is on the list of
 * one of the citizen's own vehicles.
 */
export function createTraffic(deps: CitizenDeps & { payments: Payments }) {
  const { db, payments } = deps

  async function violationsOf(serviceId: string, citizenId: string, vehicleId: string, log: FastifyBaseLogger) {
    const agency = await trafficPolice(deps, serviceId, log)
    const { vehicle, view } = await ownVehicle(deps, citizenId, vehicleId)
    const list = await agency.call('listViolations', { body: vehicle })
    return { agency, view, list }
  }

  /** The violation's detail, checked to belong to one of the citizen's vehicles. */
  async function ownViolation(ref: ViolationRef, citizenId: string, log: FastifyBaseLogger) {
    const { agency, view, list } = await violationsOf(ref.serviceId, citizenId, ref.vehicleId, log)
    if (!list.violations.some((v) => v.id === ref.violationId)) {
      throw new HttpError(404, 'VIOLATION_NOT_FOUND', 'No such violation for this vehicle / 该车辆没有这条违法记录')
    }
    const violation = await agency.call('getViolation', { params: { violationId: ref.violationId } })
    return { view, violation }
  }

  return {
    /** A bound vehicle's violations with what paying each costs now (fine + late fee), the vehicle masked. */
    async vehicleViolations(serviceId: string, citizenId: string, vehicleId: string, log: FastifyBaseLogger): Promise<VehicleViolationsT> {
      const { view, list } = await violationsOf(serviceId, citizenId, vehicleId, log)
      return { vehicle: view, ...withDues(list, Date.now()) }
    },

    /**
     * One violation with the citizen's own payment through OneCity
     * (refreshed, so a reload during payment shows 支付中); another
     * citizen's payment for it is only named as there, never shown.
     */
    async violation(ref: ViolationRef, citizenId: string, log: FastifyBaseLogger): Promise<ViolationViewT> {
      const { view, violation } = await ownViolation(ref, citizenId, log)
      const open = await payments.findOpen(ref.serviceId, subjectOf(ref.violationId))
      if (!open) return { vehicle: view, violation, payment: null }
      // A payment belongs to the citizen who opened it: another who bound the same plate learns only that it exists.
      if (open.citizen_id !== citizenId) {
        const theirs = { ...violation }
        delete theirs.orderId
        return { vehicle: view, violation: theirs, payment: null, paymentElsewhere: open.status === 'created' ? 'in-progress' : 'paid' }
      }
      return { vehicle: view, violation, payment: await payments.refresh(open, log) }
    },

    /**
     * Pays a fine: the open payment for this violation, created if there is
     * none, so a double tap gets the same order. 409 when already paid (also
     * through another listing of the city's traffic police), 422 when the
     * fine cannot be paid online.
     */
    async payViolation(ref: ViolationRef, citizenId: string, log: FastifyBaseLogger): Promise<{ payment: PaymentT; created: boolean }> {
      const subject = subjectOf(ref.violationId)
      const existing = await payments.findOpen(ref.serviceId, subject)
      if (existing && existing.citizen_id === citizenId && existing.status !== 'created') return { payment: payments.view(existing), created: false }
      const { view, violation } = await ownViolation(ref, citizenId, log)
      const elsewhere = await payments.findOpenElsewhere(ref.serviceId, subject)
      if (elsewhere) throw paidElsewhere(elsewhere)
      if (violation.status !== 'unpaid') throw new HttpError(409, 'ALREADY_PAID', 'This fine is already paid or being processed / 该违法已缴款或正在处理，无需重复缴款')
      if (!violation.payableOnline) throw new HttpError(422, 'NOT_PAYABLE_ONLINE', `This fine cannot be paid online / ${violation.notPayableReason ?? '该违法不支持网上缴款'}`)
      return payments.open(
        { citizenId, serviceId: ref.serviceId, subject, amountFen: violation.payableFen, description: '交通违法罚款', what: `缴纳交通违法罚款（违法代码 ${violation.code}）`, detail: view.plate },
        log,
      )
    },

    /** The verified citizen's driving licence points (403 IDENTITY_REQUIRED before 实名认证). */
    async licence(serviceId: string, citizenId: string, log: FastifyBaseLogger): Promise<LicenceViewT> {
      const identity = await requireIdentity(db, deps.box, citizenId)
      const agency = await trafficPolice(deps, serviceId, log)
      return agency.call('getLicencePoints', { body: { licenceNo: identity.idNumber } })
    },
  }
}
