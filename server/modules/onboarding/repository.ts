import type { Queryable } from '../../db/db'
import type { ServiceManifest } from './manifest-schema'

/** The latest review of a submission as listings and decisions read it (the review module writes reviews). */
export interface ReviewSummary {
  id: number
  status: 'queued' | 'running' | 'done' | 'error'
  stars: number | null
  passed: boolean | null
  finishedAt: string | null
}

/** SQL for the latest review of a submission as a summary object (joined into listings). */
export const REVIEW_SUMMARY_SQL = (submissionIdSql: string) => `(SELECT jsonb_build_object('id', r.id, 'status', r.status, 'stars', r.stars,
  'passed', r.passed, 'finishedAt', r.finished_at::text) FROM service_reviews r WHERE r.submission_id = ${submissionIdSql} ORDER BY r.id DESC LIMIT 1)`

/** The latest review of a submission, summarised; undefined before one is queued. */
export async function reviewOfSubmission(db: Queryable, submissionId: number): Promise<ReviewSummary | undefined> {
  const [row] = await db.query<{ review: ReviewSummary | null }>(`SELECT ${REVIEW_SUMMARY_SQL('$1::bigint')} AS review`, [submissionId])
  return row?.review ?? undefined
}

/**
 * After a review of the manifest that is the public listing: its stars become
 * the catalog's, and a service whose last three reviews all failed is flagged.
 */
export async function applyReviewToListing(db: Queryable, submissionId: number): Promise<void> {
  await db.query(
    `UPDATE services s SET
       stars = COALESCE((SELECT r.stars FROM service_reviews r WHERE r.submission_id = $1 AND r.status = 'done' ORDER BY r.id DESC LIMIT 1), s.stars),
       flagged = (SELECT count(*) = 3 AND bool_and(NOT COALESCE(passed, false)) FROM
         (SELECT passed FROM service_reviews r WHERE r.service_id = s.id AND r.status IN ('done', 'error') ORDER BY r.id DESC LIMIT 3) last3)
     FROM service_submissions sub
     WHERE sub.id = $1 AND sub.status = 'listed' AND s.id = sub.service_id`,
    [submissionId],
  )
}

export interface AgencyServiceRow {
  id: string
  name: string
  status: string
  stars: number | null
  domain: string
  coverage: { level: string; code?: string }
  updatedAt: string
  /** The latest submission's state, if any: in-review, listed, rejected; with the operator's reasons when rejected. */
  submission: { id: number; status: string; submittedAt: string; decidedAt: string | null; reasons: string[] | null } | null
  /** The latest review of the latest submission. */
  review: ReviewSummary | null
  flagged: boolean
}

/** The agency that owns a service id, if the id is taken. */
export async function findServiceOwner(db: Queryable, serviceId: string): Promise<string | undefined> {
  const [row] = await db.query<{ agency_id: string }>('SELECT agency_id FROM services WHERE id = $1', [serviceId])
  return row?.agency_id
}

/**
 * Records a submission. A new service also gets its row, in review and so not
 * in any catalog yet; an existing one keeps its public listing until the new
 * manifest is decided. Earlier undecided submissions are superseded.
 */
export async function insertSubmission(db: Queryable, agencyId: string, m: ServiceManifest): Promise<{ submissionId: number }> {
  await db.query(
    `INSERT INTO services (id, agency_id, name, summary, icon, domain, type, coverage_level, coverage_code, items, contract, endpoint, status,
       miniprogram_app_id, miniprogram_path)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, 'in-review', $13, $14)
     ON CONFLICT (id) DO NOTHING`,
    [m.id, agencyId, m.name, m.summary, m.icon, m.domain, m.type, m.coverage.level, 'code' in m.coverage ? m.coverage.code : null,
      JSON.stringify(m.items), m.contract, m.endpoint ?? null, m.miniprogram?.appId ?? null, m.miniprogram?.path ?? null],
  )
  await db.query(`UPDATE service_submissions SET status = 'superseded' WHERE service_id = $1 AND status = 'in-review'`, [m.id])
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO service_submissions (service_id, agency_id, manifest) VALUES ($1, $2, $3::jsonb) RETURNING id::int`,
    [m.id, agencyId, JSON.stringify(m)],
  )
  return { submissionId: row!.id }
}

const SERVICE_COLUMNS = `s.id, s.name, s.status, s.stars, s.domain,
  jsonb_strip_nulls(jsonb_build_object('level', s.coverage_level, 'code', s.coverage_code)) AS coverage,
  s.updated_at::text AS "updatedAt",
  (SELECT jsonb_build_object('id', sub.id, 'status', sub.status, 'submittedAt', sub.submitted_at::text,
       'decidedAt', sub.decided_at::text, 'reasons', sub.reasons)
     FROM service_submissions sub WHERE sub.service_id = s.id ORDER BY sub.id DESC LIMIT 1) AS submission,
  ${REVIEW_SUMMARY_SQL('(SELECT max(sub.id) FROM service_submissions sub WHERE sub.service_id = s.id)')} AS review, s.flagged`

export function listAgencyServices(db: Queryable, agencyId: string): Promise<AgencyServiceRow[]> {
  return db.query<AgencyServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.agency_id = $1 ORDER BY s.id`, [agencyId])
}

/** One of the agency's own services with its latest manifest; undefined when it is not theirs. */
export async function getAgencyService(
  db: Queryable,
  agencyId: string,
  serviceId: string,
): Promise<(AgencyServiceRow & { manifest: ServiceManifest | null }) | undefined> {
  const [row] = await db.query<AgencyServiceRow & { manifest: ServiceManifest | null }>(
    `SELECT ${SERVICE_COLUMNS},
       (SELECT manifest FROM service_submissions sub WHERE sub.service_id = s.id ORDER BY sub.id DESC LIMIT 1) AS manifest
     FROM services s WHERE s.agency_id = $1 AND s.id = $2`,
    [agencyId, serviceId],
  )
  return row
}

export async function appendAudit(db: Queryable, e: { actor: string; action: string; subject: string; detail?: object }): Promise<void> {
  await db.query('INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4::jsonb)', [
    e.actor, e.action, e.subject, JSON.stringify(e.detail ?? {}),
  ])
}

export interface SubmissionRow {
  id: number
  serviceId: string
  agencyId: string
  name: string
  domain: string
  contract: string
  coverage: { level: string; code?: string }
  status: string
  submittedAt: string
  decidedAt: string | null
  reasons: string[] | null
  review: ReviewSummary | null
}

const SUBMISSION_COLUMNS = `id::int, service_id AS "serviceId", agency_id AS "agencyId", manifest->>'name' AS name,
  manifest->>'domain' AS domain, manifest->>'contract' AS contract, manifest->'coverage' AS coverage, status,
  submitted_at::text AS "submittedAt", decided_at::text AS "decidedAt", reasons,
  ${REVIEW_SUMMARY_SQL('service_submissions.id')} AS review`

/** Submissions in a state, oldest first: the operator's queue. */
export function listSubmissions(db: Queryable, status: string): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(`SELECT ${SUBMISSION_COLUMNS} FROM service_submissions WHERE status = $1 ORDER BY id`, [status])
}

/** One submission with its manifest, whatever its state; undefined when there is none. */
export async function findSubmission(db: Queryable, id: number): Promise<(SubmissionRow & { manifest: ServiceManifest }) | undefined> {
  const [row] = await db.query<SubmissionRow & { manifest: ServiceManifest }>(
    `SELECT ${SUBMISSION_COLUMNS}, manifest FROM service_submissions WHERE id = $1`,
    [id],
  )
  return row
}

export async function decideSubmission(db: Queryable, id: number, status: 'listed' | 'rejected', reasons: string[] | null): Promise<void> {
  await db.query(`UPDATE service_submissions SET status = $2, decided_at = now(), reasons = $3::jsonb WHERE id = $1`, [
    id, status, reasons ? JSON.stringify(reasons) : null,
  ])
}

/** A service never listed yet leaves review as rejected (a listed one keeps its listing). */
export async function rejectServiceInReview(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE services SET status = 'rejected', updated_at = now() WHERE id = $1 AND status = 'in-review'`, [id])
}

/** Makes the manifest the service's public listing. */
export async function applyListing(db: Queryable, m: ServiceManifest): Promise<void> {
  await db.query(
    `UPDATE services SET name = $2, summary = $3, icon = $4, domain = $5, type = $6, coverage_level = $7, coverage_code = $8,
       items = $9::jsonb, contract = $10, endpoint = $11, miniprogram_app_id = $12, miniprogram_path = $13, status = 'listed', updated_at = now()
     WHERE id = $1`,
    [m.id, m.name, m.summary, m.icon, m.domain, m.type, m.coverage.level, 'code' in m.coverage ? m.coverage.code : null,
      JSON.stringify(m.items), m.contract, m.endpoint ?? null, m.miniprogram?.appId ?? null, m.miniprogram?.path ?? null],
  )
}

/** Sets a service's status; returns its previous status, or undefined when there is no such service. */
export async function setServiceStatus(db: Queryable, id: string, status: string): Promise<string | undefined> {
  const [row] = await db.query<{ previous: string }>(
    `UPDATE services s SET status = $2, updated_at = now() FROM (SELECT status AS previous FROM services WHERE id = $1) p
     WHERE s.id = $1 RETURNING p.previous`,
    [id, status],
  )
  return row?.previous
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  subject: string
  detail: Record<string, unknown>
}

export function listAudit(db: Queryable, limit: number): Promise<AuditRow[]> {
  return db.query<AuditRow>(`SELECT id::int, at::text, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT $1`, [limit])
}

/** A designated platform agency: which service serves the contract, who designated it and when. */
export interface PlatformAgencyRow {
  contract: string
  serviceId: string
  designatedBy: string
  designatedAt: string
}

const PLATFORM_AGENCY_COLUMNS = `contract, service_id AS "serviceId", designated_by AS "designatedBy", designated_at::text AS "designatedAt"`

export function listPlatformAgencies(db: Queryable): Promise<PlatformAgencyRow[]> {
  return db.query<PlatformAgencyRow>(`SELECT ${PLATFORM_AGENCY_COLUMNS} FROM platform_agencies ORDER BY contract`)
}

/** The service's contract, coverage and status, for checking a designation. */
export async function findServiceForDesignation(db: Queryable, serviceId: string): Promise<{ contract: string; coverageLevel: string; status: string } | undefined> {
  const [row] = await db.query<{ contract: string; coverageLevel: string; status: string }>(
    `SELECT contract, coverage_level AS "coverageLevel", status FROM services WHERE id = $1`,
    [serviceId],
  )
  return row
}

/** Makes the service the platform's agency for the contract; answers the designation and the service it replaced. */
export async function upsertPlatformAgency(db: Queryable, d: { contract: string; serviceId: string; designatedBy: string }): Promise<PlatformAgencyRow & { previous: string | null }> {
  const [before] = await db.query<{ serviceId: string }>(`SELECT service_id AS "serviceId" FROM platform_agencies WHERE contract = $1 FOR UPDATE`, [d.contract])
  const [row] = await db.query<PlatformAgencyRow>(
    `INSERT INTO platform_agencies (contract, service_id, designated_by) VALUES ($1, $2, $3)
     ON CONFLICT (contract) DO UPDATE SET service_id = excluded.service_id, designated_by = excluded.designated_by, designated_at = now()
     RETURNING ${PLATFORM_AGENCY_COLUMNS}`,
    [d.contract, d.serviceId, d.designatedBy],
  )
  return { ...row!, previous: before?.serviceId ?? null }
}
