import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { strict, FORMATS, DateTime, Fen, IdNumber } from '../../../src/api/common'
import { TRAFFIC_ERRORS } from './errors'
import { ViolationId, OrderId, ViolationList, ViolationDetail, LicencePoints } from '../../../src/api/traffic'

/** traffic@1: violations of a vehicle, paying a fine, driver licence points (交管). */
export const CONTRACT = 'traffic@1'

const Plate = () => Type.String({ pattern: FORMATS.plate, description: 'plate number, e.g. 川A12345 (8 characters for new-energy)' })

export const ViolationQuery = Type.Object(
  {
    plate: Plate(),
    plateType: Type.String({ pattern: '^[0-9]{2}$', description: 'plate type (GA 24.7), e.g. 02 小型汽车' }),
    engineTail: Type.String({ pattern: '^[0-9A-Z]{6}$', description: 'last 6 characters of the engine number' }),
  },
  { ...strict, $id: 'traffic.ViolationQuery' },
)

export const ViolationParams = Type.Object({ violationId: ViolationId() }, { ...strict, $id: 'traffic.ViolationParams' })

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

export type PayViolationResultT = Static<typeof PayViolationResult>
