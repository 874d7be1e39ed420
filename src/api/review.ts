import { type Static, Type } from 'typebox'
import { QUALITY_CHECKS } from '../domain/quality-stars'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const ReviewSummarySchema = Type.Object(
  {
    id: Type.Integer(),
    status: Type.Unsafe<'queued' | 'running' | 'done' | 'error'>(Type.String({ enum: ['queued', 'running', 'done', 'error'] })),
    stars: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    passed: Nullable(Type.Boolean({ description: 'true when nothing caps the stars: listing needs a passed review' })),
    finishedAt: Nullable(Type.String()),
  },
  { $id: 'ReviewSummary' },
)

export const CheckResultSchema = Type.Object({
  id: Type.String({ enum: QUALITY_CHECKS.map((c) => c.id) }),
  label: Type.String({ description: 'the check’s Chinese name, e.g. 可用' }),
  outcome: Type.Unsafe<'pass' | 'fail' | 'not-applicable'>(Type.String({ enum: ['pass', 'fail', 'not-applicable'] })),
  evidence: Type.Array(Type.String()),
})

export const ReviewSchema = Type.Object(
  {
    ...ReviewSummarySchema.properties,
    serviceId: Type.String(),
    submissionId: Type.Integer(),
    trigger: Type.Unsafe<'submit' | 'schedule' | 'manual'>(Type.String({ enum: ['submit', 'schedule', 'manual'] })),
    queuedAt: Type.String(),
    startedAt: Nullable(Type.String()),
    checks: Nullable(Type.Array(CheckResultSchema, { description: 'the 21 checks in report order, with evidence' })),
  },
  { $id: 'Review' },
)

/** A review as the API answers it (checks with their Chinese labels). */
export type Review = Static<typeof ReviewSchema>
export type ReviewSummaryT = Static<typeof ReviewSummarySchema>
