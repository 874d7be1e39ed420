import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { DateTime, Fen, IdNumber, IsoDate, MaskedIdNumber, literals, strict, FORMATS } from '../../../src/api/common'
import { TRAFFIC_ERRORS } from './errors'

/** traffic@1: violations of a vehicle, paying a fine, driver licence points (交管). */
export const CONTRACT = 'traffic@1'

export const VIOLATION_STATUSES = ['unpaid', 'paid', 'processing'] as const

const Plate = () => Type.String({ pattern: FORMATS.plate, description: 'plate number, e.g. 川A12345 (8 characters for new-energy)' })
const ViolationId = () => Type.String({ pattern: '^[0-9]{16}$', description: 'violation record number (16 digits)' })
const OrderId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: "the platform's payment order id" })

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

export const ViolationQuery = Type.Object(
  {
    plate: Plate(),
    plateType: Type.String({ pattern: '^[0-9]{2}$', description: 'plate type (GA 24.7), e.g. 02 小型汽车' }),
    engineTail: Type.String({ pattern: '^[0-9A-Z]{6}$', description: 'last 6 characters of the engine number' }),
  },
  { ...strict, $id: 'traffic.ViolationQuery' },
)

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

export const ViolationParams = Type.Object({ violationId: ViolationId() }, { ...strict, $id: 'traffic.ViolationParams' })

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

export const PayViolationRequest = Type.Object(
  { violationId: ViolationId(), orderId: OrderId(), amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }) },
  { ...strict, $id: 'traffic.PayViolationRequest' },
)

export const PayViolationResult = Type.Object(
  {
    violationId: ViolationId(),
    orderId: OrderId(),
    amountFen: Fen(),
    status: Type.Literal('paid'),
    paidAt: DateTime(),
    receiptNo: Type.String({ pattern: '^[0-9]{20}$', description: '缴款书编号' }),
  },
  { ...strict, $id: 'traffic.PayViolationResult' },
)

export const LicencePointsQuery = Type.Object(
  { licenceNo: IdNumber({ description: 'driving licence number (the holder’s ID number)' }) },
  { ...strict, $id: 'traffic.LicencePointsQuery' },
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

export const operations = defineOperations(TRAFFIC_ERRORS, [
  {
    name: 'listViolations',
    summary: 'Violations of a vehicle (plate, plate type, engine-number tail)',
    method: 'POST',
    path: '/v1/violations/query',
    kind: 'call',
    body: ViolationQuery,
    response: ViolationList,
    errors: ['VEHICLE_NOT_FOUND'],
  },
  {
    name: 'getViolation',
    summary: 'One violation, incl. whether it can be paid online and why not',
    method: 'GET',
    path: '/v1/violations/:violationId',
    kind: 'call',
    params: ViolationParams,
    response: ViolationDetail,
    errors: ['VIOLATION_NOT_FOUND'],
  },
  {
    name: 'payViolation',
    summary: 'Record the payment of a fine; idempotent by orderId (same orderId → same answer, never charged twice)',
    method: 'POST',
    path: '/v1/violations/pay',
    kind: 'call',
    body: PayViolationRequest,
    response: PayViolationResult,
    errors: ['VIOLATION_NOT_FOUND', 'NOT_PAYABLE_ONLINE', 'AMOUNT_MISMATCH', 'ALREADY_PAID', 'ORDER_CONFLICT'],
  },
  {
    name: 'getLicencePoints',
    summary: 'Driver licence points and scoring cycle',
    method: 'POST',
    path: '/v1/licence/points',
    kind: 'call',
    body: LicencePointsQuery,
    response: LicencePoints,
    errors: ['LICENCE_NOT_FOUND'],
  },
] as const)

export type Violation = Static<typeof ViolationList>['violations'][number]
export type ViolationDetailT = Static<typeof ViolationDetail>
export type PayViolationResultT = Static<typeof PayViolationResult>
export type LicencePointsT = Static<typeof LicencePoints>
