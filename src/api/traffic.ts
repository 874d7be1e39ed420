import { type Static, Type } from 'typebox'
import { strict, literals, DateTime, IsoDate, Fen, MaskedIdNumber } from './common'
import type { VehicleT } from './citizens'
import type { PaymentT } from './payments'

/**
 * The traffic service as the app sees it: the agency's answers (traffic@1)
 * with the citizen's masked vehicle and, for a violation, the platform's own
 * payment for it (so a reload during payment shows 支付中, not 未缴款).
 */

// The traffic police's answers (traffic@1) that the app sees as they are: the
// contract's operations (server/contracts/traffic) answer these very schemas.

export const VIOLATION_STATUSES = ['unpaid', 'paid', 'processing'] as const

/** A violation record number, as the traffic police number them. */
export const ViolationId = () => Type.String({ pattern: '^[0-9]{16}$', description: 'violation record number (16 digits)' })
/** The platform's payment order id, as it passes it to the agency. */
export const OrderId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: "the platform's payment order id" })

const violationFields = {
  id: ViolationId(),
  time: DateTime({ description: 'when it happened' }),
  place: Type.String({ minLength: 1, description: '违法地点' }),
  behaviour: Type.String({ minLength: 1, description: '违法行为' }),
  code: Type.String({ pattern: '^[0-9]{4,5}$', description: '违法代码' }),
  fineFen: Fen({ description: '罚款金额 in fen' }),
  points: Type.Integer({ minimum: 0, maximum: 12, description: '记分' }),
  status: literals(VIOLATION_STATUSES, { description: 'unpaid 未缴款, paid 已缴款, processing 处理中' }),
  payableOnline: Type.Boolean(),
  notPayableReason: Type.Optional(Type.String({ minLength: 1, description: 'why it cannot be paid online (only when payableOnline is false)' })),
}

export const ViolationList = Type.Object(
  {
    violations: Type.Array(Type.Object(violationFields, strict)),
    summary: Type.Object(
      {
        count: Type.Integer({ minimum: 0 }),
        unpaidCount: Type.Integer({ minimum: 0 }),
        unpaidFineFen: Fen(),
        unpaidPoints: Type.Integer({ minimum: 0 }),
      },
      strict,
    ),
  },
  { ...strict, $id: 'traffic.ViolationList' },
)

export const ViolationDetail = Type.Object(
  {
    ...violationFields,
    lawBasis: Type.String({ description: '处罚依据' }),
    authority: Type.String({ description: '处理机关' }),
    lateFeeFen: Fen({ description: '滞纳金 (3% of the fine per day after 15 days, capped at the fine)' }),
    payableFen: Fen({ description: 'what paying now costs: fine + late fee' }),
    paidAt: Type.Optional(DateTime()),
    orderId: Type.Optional(OrderId()),
  },
  { ...strict, $id: 'traffic.ViolationDetail' },
)

export const LicencePoints = Type.Object(
  {
    licenceNo: MaskedIdNumber(),
    licenceClass: Type.String({ pattern: '^([A-D][1-3]|C[1-6])$', description: '准驾车型, e.g. C1' }),
    points: Type.Integer({ minimum: 0, maximum: 12, description: 'points accumulated in the current cycle (12 = full)' }),
    cycleStart: IsoDate({ description: 'first day of the scoring cycle (an anniversary of first issue)' }),
    cycleEnd: IsoDate({ description: 'last day of the scoring cycle' }),
    status: literals(['normal', 'full'] as const, { description: 'full: 12 points reached, must attend study' }),
    validUntil: IsoDate({ description: 'licence valid until' }),
  },
  { ...strict, $id: 'traffic.LicencePoints' },
)

export type Violation = Static<typeof ViolationList>['violations'][number]
export type ViolationDetailT = Static<typeof ViolationDetail>
export type LicencePointsT = Static<typeof LicencePoints>

// What the platform's routes take and answer.
export const TrafficParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }, strict)
export const VehicleViolationsParams = Type.Object(
  { serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), vehicleId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) },
  strict,
)
export const ViolationPathParams = Type.Object(
  {
    serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
    vehicleId: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
    violationId: Type.String({ pattern: '^[0-9]{16}$' }),
  },
  strict,
)

// What paying now costs, added by the platform to the police's list so the list says what the violation's page says.
const dueFields = {
  lateFeeFen: Fen({ description: '滞纳金 if paid now (0 unless unpaid)' }),
  payableFen: Fen({ description: 'what paying now costs: fine + late fee (0 unless unpaid)' }),
}

export const VehicleViolations = Type.Object(
  {
    vehicle: Type.Ref('Vehicle'),
    violations: Type.Array(Type.Object({ ...violationFields, ...dueFields }, strict)),
    summary: Type.Object(
      {
        ...ViolationList.properties.summary.properties,
        unpaidLateFeeFen: Fen({ description: 'the unpaid violations\' late fees now' }),
        unpaidPayableFen: Fen({ description: 'what the unpaid violations cost now: fines + late fees' }),
      },
      strict,
    ),
  },
  strict,
)

export const ViolationView = Type.Object(
  {
    vehicle: Type.Ref('Vehicle'),
    violation: Type.Object(ViolationDetail.properties, strict),
    payment: Type.Union([Type.Ref('Payment'), Type.Null()], { description: "the citizen's own open or finished payment for it through OneCity" }),
    paymentElsewhere: Type.Optional(
      literals(['in-progress', 'paid'] as const, {
        description: 'another OneCity user (who bound the same plate) is paying or has paid it: their payment is theirs, so only this is said (issue 16, finding 15)',
      }),
    ),
  },
  strict,
)

export const LicenceView = Type.Object(LicencePoints.properties, strict)

// Written out because Static does not follow Type.Ref.
/** A violation in the platform's list: the police's record with what paying it now costs. */
export type ListedViolation = Violation & { lateFeeFen: number; payableFen: number }
export type VehicleViolationsT = {
  vehicle: VehicleT
  violations: ListedViolation[]
  summary: Static<typeof ViolationList>['summary'] & { unpaidLateFeeFen: number; unpaidPayableFen: number }
}
export type ViolationViewT = { vehicle: VehicleT; violation: ViolationDetailT; payment: PaymentT | null; paymentElsewhere?: 'in-progress' | 'paid' }
export type LicenceViewT = LicencePointsT
