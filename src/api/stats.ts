import { type Static, Type } from 'typebox'
import { Month } from './common'

/**
 * The analysts' statistics API (04-platform.md `/v1/stats/...`, 03-index.md).
 * Counts below k and rates whose numerator or denominator is below k are
 * null with `suppressed: true` (never 0), and every total is a sum of
 * published cells only, so no suppressed cell can be recovered by subtraction.
 */

const YearMonth = Month({ description: 'YYYY-MM, China time' })
const Count = Type.Union([Type.Number(), Type.Null()], { description: 'null: suppressed (below k) or no data' })
const Rate = Type.Union([Type.Number(), Type.Null()], { description: '0–1; null: suppressed or no data' })

export const PeriodQuery = Type.Object(
  {
    from: Type.Optional(YearMonth),
    to: Type.Optional(YearMonth),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'or Accept: text/csv' })),
  },
  { additionalProperties: false },
)

const Period = { from: YearMonth, to: YearMonth, months: Type.Array(YearMonth), k: Type.Integer({ description: 'small-cell threshold' }) }

const Flag = Type.Object(
  {
    month: YearMonth,
    code: Type.Literal('RETURNING_EXCEEDS_LAST_MONTH'),
    reason: Type.String({ description: 'Chinese, then English' }),
  },
  { description: 'an implausible month: returning above the month before’s actives (forged or restored-storage records); its return rate is withheld and left out of means' },
)
const Flags = Type.Array(Flag, { description: 'plausibility flags (docs/statistics.md); empty when none' })

export const ActivityQuery = Type.Object(
  { ...PeriodQuery.properties, scope: Type.String({ minLength: 3, maxLength: 80, description: 'a usage scope (03-index.md), e.g. city:440300' }) },
  { additionalProperties: false },
)
export const ActivityAnswer = Type.Object({
  scope: Type.String(),
  ...Period,
  rows: Type.Array(
    Type.Object({
      month: YearMonth,
      actives: Count,
      returning: Count,
      first: Count,
      returnRate: Type.Union([Type.Number(), Type.Null()], { description: '0–1, never above 1; null: suppressed, no data, or implausible (see flags)' }),
      suppressed: Type.Boolean({ description: 'some figure of this month is withheld' }),
      flags: Flags,
    }),
  ),
})

export const IndexQuery = Type.Object(
  {
    ...PeriodQuery.properties,
    level: Type.Optional(Type.Union([Type.Literal('city'), Type.Literal('province')])),
    weights: Type.Optional(Type.String({ pattern: '^(equal|[0-9]{1,9})$', description: 'equal (default) or the id of an uploaded expert score table' })),
  },
  { additionalProperties: false },
)

const IndicatorCell = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()], { description: 'raw value; null: suppressed or no data (counts as 0 in the shares)' }),
  share: Type.Number({ description: 'share of the national total, 0–1 (failure rate: of availability 1 − failure rate)' }),
  rank: Type.Integer(),
  suppressed: Type.Boolean(),
})

export const Weights = Type.Object({
  source: Type.Union([Type.Literal('equal'), Type.Literal('experts')]),
  id: Type.Union([Type.Integer(), Type.Null()]),
  experts: Type.Integer(),
  values: Type.Record(Type.String(), Type.Number(), { description: 'α per indicator as given (equal or from the expert scores)' }),
  applied: Type.Record(Type.String(), Type.Number(), { description: 'α as applied: rescaled over the indicators with data in the period' }),
  omitted: Type.Array(Type.String(), { description: 'indicators no place has data for in the period (left out, not 0 for all)' }),
})

export { Flag as PlausibilityFlag }

export const IndexRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  rank: Type.Integer(),
  index: Type.Number({ description: '100 × Σ α t: percent of the national total; all rows add up to 100' }),
  indicators: Type.Object({
    value: IndicatorCell,
    stars: IndicatorCell,
    mau: IndicatorCell,
    returnRate: IndicatorCell,
    failureRate: IndicatorCell,
    richness: IndicatorCell,
  }),
  flags: Type.Array(Flag, { description: 'months left out of the return rate as implausible, with the reason; empty when none' }),
})
export type IndexRowT = Static<typeof IndexRow>

export const IndexAnswer = Type.Object({
  ...Period,
  level: Type.Union([Type.Literal('city'), Type.Literal('province')]),
  weights: Weights,
  note: Type.String(),
  concentration: Type.Object(
    { top10: Type.Number(), top50: Type.Number() },
    { description: 'percent (0–100) of the national total held by the top 10 and top 50, like the index itself' },
  ),
  rows: Type.Array(IndexRow),
})
export type IndexAnswerT = Static<typeof IndexAnswer>

const Users = Type.Object({
  users: Count,
  returning: Type.Union([Type.Number(), Type.Null()], { description: 'mean monthly returning users, Σ over the cells whose returning count is published (≥ k or 0)' }),
  share: Rate,
  returningShare: Type.Union([Type.Number(), Type.Null()], {
    description: 'returning / users over the same cells: those whose returning count is published and whose month before has users (docs/statistics.md); 0–1',
  }),
  returnRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'returning / last month’s users over those same cells: returningShare = returnRate × returningBase.lastMonth / returningBase.actives; 0–1',
  }),
})

const ReturningBase = Type.Object(
  { returning: Type.Number(), actives: Type.Number(), lastMonth: Type.Number() },
  { description: 'Σ over the period’s months of the cells behind returningShare and returnRate: returning, their users this month, their users last month' },
)

export const DomainsAnswer = Type.Object({
  ...Period,
  /** Domains by MAU: the quadrant's x is mau, y returnRate, bubble richness. */
  rows: Type.Array(
    Type.Object({
      domain: Type.String(),
      label: Type.String(),
      mau: Count,
      share: Rate,
      returnRate: Rate,
      richness: Type.Integer({ description: 'listed services of the domain' }),
      cities: Type.Integer({ description: 'cities where the domain has published users' }),
      quadrant: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4), Type.Null()], {
        description: 'I high MAU and return, II return above / MAU below the median, III both below, IV MAU above / return below',
      }),
    }),
  ),
  top10Share: Rate,
  medians: Type.Object({ mau: Type.Number(), returnRate: Type.Number() }),
})
export type DomainsAnswerT = Static<typeof DomainsAnswer>

export const TypesAnswer = Type.Object({
  ...Period,
  rows: Type.Array(Type.Object({ type: Type.String(), label: Type.String(), ...Users.properties })),
})
export type TypesAnswerT = Static<typeof TypesAnswer>

export const LocalNationalAnswer = Type.Object({
  ...Period,
  local: Type.Object({ ...Users.properties, services: Type.Integer(), perService: Count, returningBase: ReturningBase }),
  national: Type.Object({ ...Users.properties, services: Type.Integer(), perService: Count, returningBase: ReturningBase }),
  perServiceRatio: Type.Union([Type.Number(), Type.Null()], { description: 'users per local service / users per national service' }),
})
export type LocalNationalAnswerT = Static<typeof LocalNationalAnswer>

export const TopCitiesQuery = Type.Object(
  { ...PeriodQuery.properties, domain: Type.Optional(Type.String({ pattern: '^[a-z-]{2,32}$' })), n: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
  { additionalProperties: false },
)
export const TopCitiesAnswer = Type.Object({
  ...Period,
  domains: Type.Array(
    Type.Object({
      domain: Type.String(),
      label: Type.String(),
      cities: Type.Array(Type.Object({ rank: Type.Integer(), code: Type.String(), name: Type.String(), mau: Type.Number() })),
    }),
  ),
})
export type TopCitiesAnswerT = Static<typeof TopCitiesAnswer>

export const TrendsAnswer = Type.Object({
  ...Period,
  rows: Type.Array(
    Type.Object({
      month: YearMonth,
      actives: Count,
      returnRate: Type.Union([Type.Number(), Type.Null()], { description: 'national (scope all), 0–1; null: suppressed, no data, or implausible (see flags)' }),
      flags: Flags,
      types: Type.Record(Type.String(), Count),
      domains: Type.Record(Type.String(), Count),
    }),
  ),
})
export type TrendsAnswerT = Static<typeof TrendsAnswer>

export const LeapfrogQuery = Type.Object(
  {
    ...PeriodQuery.properties,
    ranking: Type.String({ pattern: '^[0-9]{1,9}$', description: 'id of an imported ranking' }),
    minLead: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })),
    weights: IndexQuery.properties.weights,
  },
  { additionalProperties: false },
)
export const LeapfrogAnswer = Type.Object({
  ...Period,
  ranking: Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() }),
  minLead: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      ourRank: Type.Integer(),
      theirRank: Type.Integer(),
      lead: Type.Integer(),
      unrankedThere: Type.Boolean({ description: 'not in the imported top N: counted as rank N + 1' }),
    }),
  ),
})
export type LeapfrogAnswerT = Static<typeof LeapfrogAnswer>

export const UploadQuery = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })) }, { additionalProperties: false })

export const UploadSummary = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('weights'), Type.Literal('ranking')]),
  name: Type.String(),
  uploadedAt: Type.String(),
  rows: Type.Integer({ description: 'experts (weights) or ranked cities matched (ranking)' }),
  unknown: Type.Array(Type.String(), { description: 'ranking: names in the file that match no city (each once)' }),
  unmatched: Type.Array(
    Type.Object({
      line: Type.Optional(Type.Integer({ description: 'line of the file, header = 1 (absent for rankings imported before suggestions)' })),
      written: Type.String(),
      suggestions: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), fullName: Type.String() }), { description: 'the closest of our cities, best first' }),
    }),
    { description: 'ranking: every row whose city matched nothing, with the closest names' },
  ),
  unlisted: Type.Array(
    Type.Object({ line: Type.Integer(), written: Type.String(), code: Type.String(), fullName: Type.String() }),
    { description: 'ranking: rows naming a GB/T 2260 county the platform does not list as a city (recognised and ranked, not ours)' },
  ),
  weights: Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()]),
})
export type UploadSummaryT = Static<typeof UploadSummary>
export const UploadList = Type.Object({ uploads: Type.Array(UploadSummary) })
