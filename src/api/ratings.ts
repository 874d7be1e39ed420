import { type Static, Type } from 'typebox'
import { DateTime, literals, strict } from './common'

/**
 * 好差评 (02-services.md): the citizen rates a 办结 case, the agency answers a
 * poor rating (回访, 整改) and may appeal (申诉), an operator decides the
 * appeal, analysts read satisfaction. What an agency or operator sees of a
 * rating names the case, never the citizen.
 */

const Level = Type.Integer({ minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' })
const Id = Type.String({ pattern: '^[1-9][0-9]{0,15}$' })

export const RecordParams = Type.Object({ recordId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }, strict)

export const RatingRequest = Type.Object(
  {
    level: Level,
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 8, description: 'tags of the chosen level (src/domain/rating-levels.ts)' })),
    comment: Type.Optional(Type.String({ maxLength: 2000, description: 'at most 200 characters (422 beyond); ID and phone numbers are masked before it is stored' })),
    cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'the city the app is in, for a province-wide or national service' })),
  },
  strict,
)
export const FollowUpRequest = Type.Object(
  { level: Level, comment: Type.Optional(Type.String({ maxLength: 2000, description: 'at most 200 characters, masked like the comment' })) },
  strict,
)

const Answer = Type.Union([Type.Object({ text: Type.String(), at: DateTime() }, strict), Type.Null()])
const FollowUp = Type.Union([Type.Object({ level: Level, comment: Type.Union([Type.String(), Type.Null()]), at: DateTime() }, strict), Type.Null()])

export const TICKET_STATES = ['open', 'answered', 'overdue', 'voided'] as const

const TicketFigures = {
  id: Id,
  callbackDue: DateTime({ description: 'the end of the working day the callback (回访) is due' }),
  fixDue: DateTime({ description: 'the end of the working day the fix (整改) is due' }),
  callback: Answer,
  fix: Answer,
  state: literals(TICKET_STATES, { description: 'open, answered (callback and fix given), overdue (a deadline passed unanswered), voided (the rating was voided on appeal)' }),
}

export const MyRating = Type.Object(
  {
    recordId: Type.String(),
    level: Level,
    tags: Type.Array(Type.String()),
    comment: Type.Union([Type.String(), Type.Null()]),
    ratedAt: DateTime(),
    voided: Type.Boolean(),
    ticket: Type.Union([Type.Object(TicketFigures, strict), Type.Null()], { description: 'the rectification ticket of a poor rating' }),
    followUp: FollowUp,
  },
  { ...strict, $id: 'MyRating' },
)
export const MyRatingAnswer = Type.Object({ rating: Type.Ref('MyRating') }, strict)
export const MyRatingList = Type.Object({ ratings: Type.Array(Type.Ref('MyRating')) }, strict)

const Appeal = Type.Union([
  Type.Object(
    {
      id: Id,
      reason: Type.String(),
      filedAt: DateTime(),
      decision: Type.Union([literals(['upheld', 'voided'] as const), Type.Null()]),
      decisionReason: Type.Union([Type.String(), Type.Null()]),
      decidedAt: Type.Union([DateTime(), Type.Null()]),
    },
    strict,
  ),
  Type.Null(),
])

export const TicketView = Type.Object(
  {
    ...TicketFigures,
    serviceId: Type.String(),
    serviceName: Type.String(),
    agencyId: Type.String(),
    what: Type.String({ description: 'the kind of case (never PII)' }),
    level: Level,
    tags: Type.Array(Type.String()),
    comment: Type.Union([Type.String(), Type.Null()], { description: 'masked' }),
    ratedAt: DateTime(),
    followUp: FollowUp,
    appeal: Appeal,
  },
  { ...strict, $id: 'RatingTicket', description: 'a poor rating’s rectification ticket: the case, never who rated' },
)
export const TicketList = Type.Object({ tickets: Type.Array(Type.Ref('RatingTicket')) }, strict)
export const TicketAnswer = Type.Object({ ticket: Type.Ref('RatingTicket') }, strict)
export const TicketParams = Type.Object({ ticketId: Type.String({ maxLength: 20, description: 'a ticket id (another agency’s, or none: 404)' }) }, strict)
export const TicketQuery = Type.Object(
  { state: Type.Optional(literals(TICKET_STATES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  strict,
)
export const TicketTextRequest = Type.Object({ text: Type.String({ minLength: 1, maxLength: 500 }) }, strict)
export const AppealRequest = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, strict)
export const AppealDecisionRequest = Type.Object(
  { decision: literals(['upheld', 'voided'] as const, { description: 'upheld: the rating stands; voided: it leaves every figure' }), reason: Type.String({ minLength: 1, maxLength: 500 }) },
  strict,
)

export const SATISFACTION_DIMENSIONS = ['service', 'agency', 'domain', 'city'] as const
export const SatisfactionQuery = Type.Object(
  {
    by: Type.Optional(literals(SATISFACTION_DIMENSIONS, { description: 'default service' })),
    from: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
    to: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
    format: Type.Optional(literals(['json', 'csv'] as const, { description: 'or Accept: text/csv' })),
  },
  strict,
)
const Nullable = (description: string) => Type.Union([Type.Number(), Type.Null()], { description })
export const SatisfactionAnswer = Type.Object({
  by: literals(SATISFACTION_DIMENSIONS),
  from: Type.String(),
  to: Type.String(),
  k: Type.Integer({ description: 'small-cell threshold' }),
  total: Nullable('ratings in the period (voided ones left out); null below k'),
  rows: Type.Array(
    Type.Object({
      key: Type.String({ description: 'service id, agency id, domain, or city code (“unknown” when the case named no city)' }),
      name: Type.String(),
      ratings: Nullable('how many ratings; null when withheld'),
      satisfiedShare: Nullable('share rated 4 or 5 (0–1); null when withheld'),
      mean: Nullable('mean level (1–5); null when withheld'),
      suppressed: Type.Boolean(),
    }),
  ),
})

export type RatingRequestT = Static<typeof RatingRequest>
export type FollowUpRequestT = Static<typeof FollowUpRequest>
export type MyRatingT = Static<typeof MyRating>
export type TicketViewT = Static<typeof TicketView>
export type TicketState = (typeof TICKET_STATES)[number]
export type SatisfactionDimension = (typeof SATISFACTION_DIMENSIONS)[number]
export type SatisfactionAnswerT = Static<typeof SatisfactionAnswer>
