import { type Static, Type } from 'typebox'
import { LicencePoints, type LicencePointsT, ViolationDetail, type ViolationDetailT, ViolationList } from '../../server/contracts/traffic'
import type { VehicleT } from './citizens'
import type { PaymentT } from './payments'
import { strict } from './common'

/**
 * The traffic service as the app sees it: the agency's answers (traffic@1)
 * with the citizen's masked vehicle and, for a violation, the platform's own
 * payment for it (so a reload during payment shows 支付中, not 未缴款).
 */
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

export const VehicleViolations = Type.Object(
  { vehicle: Type.Ref('Vehicle'), violations: ViolationList.properties.violations, summary: ViolationList.properties.summary },
  strict,
)

export const ViolationView = Type.Object(
  {
    vehicle: Type.Ref('Vehicle'),
    violation: Type.Object(ViolationDetail.properties, strict),
    payment: Type.Union([Type.Ref('Payment'), Type.Null()], { description: 'the open or finished payment for it through OneCity' }),
  },
  strict,
)

export const LicenceView = Type.Object(LicencePoints.properties, strict)

// Written out because Static does not follow Type.Ref.
export type VehicleViolationsT = { vehicle: VehicleT } & Static<typeof ViolationList>
export type ViolationViewT = { vehicle: VehicleT; violation: ViolationDetailT; payment: PaymentT | null }
export type LicenceViewT = LicencePointsT
