import { type Static, Type } from 'typebox'
import { Month } from './common'
import { ServiceFailureSchema } from './probes'

/**
 * GET /v1/agency/services/{id}/stats (02-services.md: an agency sees its own
 * services' figures, and only those). The same safeguard as the analysts'
 * API (03-index.md): counts below k, and rates whose numerator or
 * denominator is below k, are null (withheld, never 0), and every total is a
 * sum of published cells only.
 */

const YearMonth = Month({ description: 'YYYY-MM, China time' })
const Count = Type.Union([Type.Number(), Type.Null()], { description: 'null: withheld (below k)' })
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: '0–1; null: withheld, or no data (no month before, nothing monitored)' })
const Ms = Type.Union([Type.Number(), Type.Null()], {
  description: 'upper bound (ms) of the latency bucket (≤100, ≤300, ≤1000, ≤3000, ≤10000, ≤600000) the percentile falls in; null: fewer than k timed interactions',
})

export const AgencyStatsParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }, { additionalProperties: false })

export const AgencyStatsQuery = Type.Object(
  {
    from: Type.Optional(YearMonth),
    to: Type.Optional(YearMonth),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'or Accept: text/csv' })),
  },
  { additionalProperties: false },
)

export const AgencyStatsMonth = Type.Object({
  month: YearMonth,
  actives: Count,
  returnRate: Rate,
  citiesWithheld: Type.Integer({ minimum: 0, description: 'cities whose users of the service were fewer than k: left out of actives (not added back, so no city can be recovered by subtraction)' }),
  opens: Count,
  submits: Count,
  successes: Count,
  errors: Count,
  timed: Count,
  latencyP50Ms: Ms,
  latencyP95Ms: Ms,
  failureRate: Rate,
  suppressed: Type.Boolean({ description: 'some figure of this month is withheld' }),
})

/**
 * 好差评 figures of the service (01-product.md, 02-services.md), filled from
 * the ratings and their rectification tickets; the answer's `ratings` is null
 * while this platform has recorded none.
 */
export const AgencyRatingsFigures = Type.Object({
  rows: Type.Array(
    Type.Object({
      month: YearMonth,
      count: Count,
      mean: Type.Union([Type.Number({ minimum: 1, maximum: 5 }), Type.Null()], { description: 'mean level 1–5; null below k ratings' }),
      satisfiedShare: Rate,
      tickets: Count,
      answeredOnTime: Count,
      onTimeShare: Rate,
    }),
  ),
})

export const AgencyStatsAnswer = Type.Object({
  service: Type.Object({ id: Type.String(), name: Type.String(), status: Type.String(), national: Type.Boolean() }),
  from: YearMonth,
  to: YearMonth,
  months: Type.Array(YearMonth),
  k: Type.Integer({ description: 'small-cell threshold' }),
  activityBasis: Type.Union([Type.Literal('national'), Type.Literal('cities')], {
    description: 'national: distinct users across the country (scope svc:<id>); cities: the sum of its cities’ published counts (svc:<id>@<city>), where one person in two cities counts twice',
  }),
  rows: Type.Array(AgencyStatsMonth),
  probes: Type.Union([ServiceFailureSchema, Type.Null()], { description: 'failure rate with the down periods and maintenance windows of the period; null: never monitored in it' }),
  ratings: Type.Union([AgencyRatingsFigures, Type.Null()], { description: '好差评: null = not yet reported (no ratings recorded)' }),
})

export type AgencyStatsAnswerT = Static<typeof AgencyStatsAnswer>
export type AgencyStatsMonthT = Static<typeof AgencyStatsMonth>
export type AgencyRatingsFiguresT = Static<typeof AgencyRatingsFigures>
