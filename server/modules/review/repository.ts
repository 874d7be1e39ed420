import type { CheckResult } from '../../../src/domain/quality-stars'
import type { Db, Queryable } from '../../db/db'
import type { ServiceManifest } from '../onboarding/manifest-schema'
import type { ReviewSummary } from '../onboarding/service'
import type { LoadResult } from './checks/load-run'
import { previousSigningSecretSql } from '../../db/signing-secrets-sql'

export type ReviewTrigger = 'submit' | 'schedule' | 'manual'

export interface ReviewRow extends ReviewSummary {
  serviceId: string
  submissionId: number
  trigger: ReviewTrigger
  queuedAt: string
  startedAt: string | null
  checks: CheckResult[] | null
}

const REVIEW_COLUMNS = `r.id::int, r.service_id AS "serviceId", r.submission_id::int AS "submissionId", r.trigger, r.status,
  r.queued_at::text AS "queuedAt", r.started_at::text AS "startedAt", r.finished_at::text AS "finishedAt", r.stars, r.passed, r.checks`

export async function enqueueReview(db: Queryable, r: { serviceId: string; submissionId: number; trigger: ReviewTrigger }): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO service_reviews (service_id, submission_id, trigger, agency_id)
     SELECT $1, $2, $3, agency_id FROM service_submissions WHERE id = $2 RETURNING id::int`,
    [r.serviceId, r.submissionId, r.trigger],
  )
  return row!.id
}

/**
 * How many of the agency's submissions wait for their review or are being
 * reviewed, counted under a per-agency lock held to the end of the caller's
 * transaction, so concurrent submissions cannot all pass a quota check.
 */
export async function lockAndCountPendingSubmissions(db: Queryable, agencyId: string): Promise<number> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('review-queue'), hashtext($1))`, [agencyId])
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM service_reviews WHERE agency_id = $1 AND trigger = 'submit' AND status IN ('queued', 'running')`,
    [agencyId],
  )
  return row!.n
}

export interface ClaimedReview {
  id: number
  serviceId: string
  submissionId: number
  agencyId: string
  manifest: ServiceManifest
  sealedSecret: string | null
  /** The previous secret while a rotation's overlap lasts: the review signs with both, as the gateway does. */
  sealedPreviousSecret: string | null
}

/**
 * Takes the next queued review and marks it running: agencies take turns (the
 * agency whose last review started longest ago, or never, goes first; its
 * oldest review), so one agency's many submissions cannot hold up another's.
 * SKIP LOCKED lets workers in several server processes share one queue
 * without taking the same review.
 */
export async function claimNextReview(db: Db): Promise<ClaimedReview | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ClaimedReview>(
      `UPDATE service_reviews r SET status = 'running', started_at = now()
       FROM service_submissions sub JOIN agencies a ON a.id = sub.agency_id
       WHERE r.id = (SELECT q.id FROM service_reviews q WHERE q.status = 'queued'
                     ORDER BY (SELECT max(l.started_at) FROM service_reviews l WHERE l.agency_id = q.agency_id) NULLS FIRST, q.id
                     LIMIT 1 FOR UPDATE SKIP LOCKED)
         AND sub.id = r.submission_id
       RETURNING r.id::int, r.service_id AS "serviceId", r.submission_id::int AS "submissionId", sub.agency_id AS "agencyId",
         sub.manifest, a.signing_secret AS "sealedSecret", ${previousSigningSecretSql('a')} AS "sealedPreviousSecret"`,
    )
    return row
  })
}

export async function finishReview(db: Queryable, id: number, r: { checks: CheckResult[]; stars: number; passed: boolean }): Promise<void> {
  await db.query(`UPDATE service_reviews SET status = 'done', finished_at = now(), checks = $2::jsonb, stars = $3, passed = $4 WHERE id = $1`, [
    id, JSON.stringify(r.checks), r.stars, r.passed,
  ])
}

/** A review that could not run to the end (a platform fault, not the agency's): kept with the reason. */
export async function failReview(db: Queryable, id: number, reason: string): Promise<void> {
  await db.query(`UPDATE service_reviews SET status = 'error', finished_at = now(), checks = $2::jsonb WHERE id = $1`, [
    id, JSON.stringify([{ id: 'available', outcome: 'fail', evidence: [`the review could not finish: ${reason}`] }]),
  ])
}

/** Reviews left running by a process that died go back to the queue. */
export async function requeueStaleReviews(db: Queryable, olderThanMinutes: number): Promise<void> {
  await db.query(`UPDATE service_reviews SET status = 'queued', started_at = NULL WHERE status = 'running' AND started_at < now() - make_interval(mins => $1)`, [
    olderThanMinutes,
  ])
}

export async function latestReviewOfService(db: Queryable, serviceId: string): Promise<ReviewRow | undefined> {
  const [row] = await db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM service_reviews r WHERE r.service_id = $1 ORDER BY r.id DESC LIMIT 1`, [serviceId])
  return row
}

export async function latestReviewOfSubmission(db: Queryable, submissionId: number): Promise<ReviewRow | undefined> {
  const [row] = await db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM service_reviews r WHERE r.submission_id = $1 ORDER BY r.id DESC LIMIT 1`, [
    submissionId,
  ])
  return row
}

/** Listed services whose latest review is older than the interval (or who have none), with their listed submission. */
export function servicesDueForReview(db: Queryable, intervalHours: number): Promise<{ serviceId: string; submissionId: number }[]> {
  return db.query(
    `SELECT s.id AS "serviceId", sub.id::int AS "submissionId"
     FROM services s
     JOIN LATERAL (SELECT id FROM service_submissions WHERE service_id = s.id AND status = 'listed' ORDER BY id DESC LIMIT 1) sub ON true
     WHERE s.status = 'listed'
       AND NOT EXISTS (SELECT 1 FROM service_reviews r WHERE r.service_id = s.id
                         AND (r.status IN ('queued', 'running') OR r.queued_at > now() - make_interval(hours => $1)))
     ORDER BY s.id`,
    [intervalHours],
  )
}

/** A review's probe of the endpoint it reviews (the fixed schedule's probes are kept as runs: server/modules/probes). */
export async function recordProbe(db: Queryable, p: { serviceId: string; ok: boolean; ms: number; note: string }): Promise<void> {
  await db.query('INSERT INTO service_probes (service_id, ok, ms, note) VALUES ($1, $2, $3, $4)', [p.serviceId, p.ok, p.ms, p.note])
}

/**
 * Probes of the last 30 days: the reviews' own (service_probes) and the fixed
 * schedule's (probe_runs, a run counted whole when it reaches into the 30
 * days): how many, how many failed.
 */
export async function probeStats(db: Queryable, serviceId: string): Promise<{ total: number; failed: number }> {
  const [row] = await db.query<{ total: number; failed: number }>(
    `SELECT (a.total + b.total)::int AS total, (a.failed + b.failed)::int AS failed FROM
       (SELECT count(*) AS total, count(*) FILTER (WHERE NOT ok) AS failed FROM service_probes WHERE service_id = $1 AND at > now() - interval '30 days') a,
       (SELECT coalesce(sum(n), 0) AS total, coalesce(sum(n) FILTER (WHERE NOT ok), 0) AS failed FROM probe_runs WHERE service_id = $1 AND last_at > now() - interval '30 days') b`,
    [serviceId],
  )
  return row ?? { total: 0, failed: 0 }
}

// Evidence shows China time, as agencies read it.
const MEASURED_AT = `to_char(measured_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') || ' (UTC+8)'`

export async function recentLoadRun(db: Queryable, origin: string, maxAgeHours: number): Promise<{ result: LoadResult; measuredAt: string } | undefined> {
  const [row] = await db.query<{ result: LoadResult; measuredAt: string }>(
    `SELECT result, ${MEASURED_AT} AS "measuredAt" FROM load_runs WHERE origin = $1 AND measured_at > now() - make_interval(hours => $2)`,
    [origin, maxAgeHours],
  )
  return row
}

export async function saveLoadRun(db: Queryable, origin: string, result: LoadResult): Promise<string> {
  const [row] = await db.query<{ measuredAt: string }>(
    `INSERT INTO load_runs (origin, measured_at, result) VALUES ($1, now(), $2::jsonb)
     ON CONFLICT (origin) DO UPDATE SET measured_at = excluded.measured_at, result = excluded.result RETURNING ${MEASURED_AT} AS "measuredAt"`,
    [origin, JSON.stringify(result)],
  )
  return row!.measuredAt
}
