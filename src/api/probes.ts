import { Type } from 'typebox'
import { DateTime, Month, strict } from './common'

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'down time / monitored time, maintenance windows left out of both; null when nothing was monitored',
})

const Figures = {
  failureRate: Rate,
  monitoredS: Type.Number({ description: 'seconds covered by probing (a gap of more than 3 probe intervals is not), outside maintenance' }),
  downS: Type.Number({ description: 'seconds down outside maintenance: from the first of N consecutive failed probes until the next success' }),
  maintenanceS: Type.Number({ description: 'monitored seconds inside announced maintenance windows, left out of both' }),
}

export const MaintenanceWindow = Type.Object({
  id: Type.Integer(),
  startsAt: Type.String({ description: 'ISO 8601, UTC' }),
  endsAt: Type.String(),
  note: Type.String(),
  announcedBy: Type.String({ description: 'agency:<agency id> or operator:<token id>' }),
  announcedAt: Type.String(),
})

const GatewayErrors = Type.Object(
  {
    timeout: Type.Number(),
    unreachable: Type.Number(),
    'server-error': Type.Number(),
    invalid: Type.Number({ description: 'an answer outside the contract (wrong shape, refused signature, too large)' }),
    total: Type.Number(),
  },
  { description: 'failed platform→agency calls for citizens in the period: shown beside the failure rate, never part of it' },
)

export const ServiceFailureSchema = Type.Object({
  serviceId: Type.String(),
  name: Type.String(),
  agencyId: Type.String(),
  status: Type.String(),
  coverage: Type.Ref('Coverage'),
  ...Figures,
  months: Type.Array(Type.Object({ month: Type.String(), ...Figures })),
  down: Type.Array(
    Type.Object({
      start: Type.String({ description: 'the first of the N failed probes' }),
      end: Type.Union([Type.String(), Type.Null()], { description: 'the next successful probe (or where monitoring stopped); null while still down' }),
      seconds: Type.Number(),
      inMaintenanceS: Type.Number({ description: 'the part inside maintenance windows (not counted)' }),
    }),
  ),
  maintenance: Type.Array(MaintenanceWindow),
  gatewayErrors: GatewayErrors,
})

export const Rules = Type.Object({
  downAfter: Type.Integer({ description: 'down from the first of this many consecutive failed probes' }),
  probeIntervalS: Type.Number({ description: 'the probe schedule (0: this process does not probe)' }),
  maxGapS: Type.Number({ description: 'a gap between probes longer than this is not monitored' }),
})

export const PeriodQuery = Type.Object(
  {
    month: Type.Optional(Month({ description: 'one month, YYYY-MM (China time); the current month by default' })),
    from: Type.Optional(Month({ description: 'or a range: the first month' })),
    to: Type.Optional(Month({ description: 'the last month, inclusive (at most 24 months)' })),
  },
  strict,
)

export const ProbesAnswer = Type.Object({
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String({ description: 'the figures were computed at this time: a month under way is measured up to it' }),
  rules: Rules,
  services: Type.Array(ServiceFailureSchema),
})

export const CityFailuresAnswer = Type.Object({
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String(),
  rules: Rules,
  cities: Type.Array(
    Type.Object({
      cityCode: Type.String(),
      name: Type.String(),
      failureRate: Type.Number({ description: 'mean of the failure rates of the monitored services available in the city' }),
      services: Type.Integer({ description: 'how many services the mean is over' }),
    }),
  ),
})

export const MaintenanceBody = Type.Object(
  {
    startsAt: DateTime({ description: 'with an offset, e.g. 2026-11-22T01:00:00+08:00' }),
    endsAt: DateTime({ description: 'after startsAt; a window lasts at most 7 days' }),
    note: Type.String({ minLength: 2, maxLength: 200, description: 'what is done, for operators and the agency (no personal data)' }),
  },
  strict,
)

export const MaintenanceAnswer = Type.Object({ window: Type.Object({ serviceId: Type.String(), ...MaintenanceWindow.properties }) })

export const ServiceParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) })
