import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { getAgency } from '../agencies/service'
import type { Principal } from '../auth/token'
import type { AgencyNetwork } from '../gateway/agency-network'
import { endpointAddressProblems } from '../gateway/endpoint-rules'
import { listingScopeProblems } from './listing-scope'
import type { ReviewQueue } from './review-queue'
import {
  type AuditRow,
  type SubmissionRow,
  appendAudit,
  findServiceOwner,
  findSubmission,
  getAgencyService,
  insertSubmission,
  listAgencyServices,
  listAudit,
  listSubmissions,
} from './repository'
import { validateManifest } from './validate-manifest'

export type { ReviewSummary } from './repository'

/**
 * An agency submits a manifest. Every problem is reported at once (422), then
 * the agency's scope is checked (403: domain and region), then a service id
 * taken by another agency is refused (409). The endpoint follows the address
 * policy's rules (in production: https to a name resolving to public
 * addresses only); more than the quota of submissions waiting for review is 429. The submission is queued for its
 * quality review (the caller kicks the review worker once this has committed).
 */
export async function submitManifest(db: Db, reviews: Pick<ReviewQueue, 'enqueue'>, principal: Principal, input: unknown, network: Pick<AgencyNetwork, 'policy' | 'resolve'>) {
  const result = validateManifest(input, network.policy)
  const problems = result.ok ? await resolvedEndpointProblems(result.manifest.endpoint, network) : result.problems
  if (!result.ok || problems.length > 0) {
    throw new HttpError(422, 'MANIFEST_INVALID', `The manifest has ${problems.length} problem(s) / 服务清单有 ${problems.length} 处问题`, problems)
  }
  const manifest = result.manifest
  const agency = await getAgency(db, principal.agencyId!)
  if (!agency) throw new HttpError(403, 'FORBIDDEN', 'This token’s agency no longer exists / 令牌所属机构不存在')
  const scope = listingScopeProblems(agency, manifest)
  if (scope.length > 0) {
    throw new HttpError(403, 'OUTSIDE_AGENCY_SCOPE', scope.map((p) => p.message).join('; '), scope)
  }

  return db.transaction(async (tx) => {
    const owner = await findServiceOwner(tx, manifest.id)
    if (owner && owner !== agency.id) {
      throw new HttpError(409, 'SERVICE_ID_TAKEN', `Service id ${manifest.id} belongs to another agency / 服务标识 ${manifest.id} 已被其他机构使用`, [
        { path: 'id', message: 'taken by another agency' },
      ])
    }
    const { submissionId } = await insertSubmission(tx, agency.id, manifest)
    const reviewId = await reviews.enqueue(tx, { serviceId: manifest.id, submissionId, agencyId: agency.id, trigger: 'submit' })
    await appendAudit(tx, { actor: `agency:${agency.id}`, action: 'service.submit', subject: manifest.id, detail: { submissionId, reviewId } })
    return { created: !owner, serviceId: manifest.id, submissionId, reviewId, status: 'in-review' as const }
  })
}

// In production the endpoint's name must resolve to public addresses now (every connection is checked again).
async function resolvedEndpointProblems(endpoint: string | undefined, network: Pick<AgencyNetwork, 'policy' | 'resolve'>) {
  if (!endpoint) return []
  return (await endpointAddressProblems(endpoint, network.policy, network.resolve)).map((message) => ({ path: 'endpoint', message }))
}

/** The calling agency's services with their listing state and latest review. */
export function getAgencyServices(db: Queryable, agencyId: string) {
  return listAgencyServices(db, agencyId)
}

/** One of the agency's own services with its latest manifest; another agency's answers 404 exactly like a missing one. */
export async function getOwnService(db: Queryable, agencyId: string, serviceId: string) {
  const service = await getAgencyService(db, agencyId, serviceId)
  if (!service) throw new HttpError(404, 'SERVICE_NOT_FOUND', `You have no service ${serviceId} / 找不到本机构的服务 ${serviceId}`)
  return service
}

/** Submissions in a state, for operators. */
export function getSubmissions(db: Queryable, status: string): Promise<SubmissionRow[]> {
  return listSubmissions(db, status)
}

/** One submission in any state, with its manifest; 404 SUBMISSION_NOT_FOUND when there is none. */
export async function getSubmission(db: Queryable, id: number) {
  const submission = await findSubmission(db, id)
  if (!submission) throw new HttpError(404, 'SUBMISSION_NOT_FOUND', `No submission ${id} / 找不到提交 ${id}`)
  return submission
}

/** The newest audit log entries. */
export function getAuditLog(db: Queryable, limit: number): Promise<AuditRow[]> {
  return listAudit(db, limit)
}

/** Appends to the audit log, in the caller's transaction. */
export function recordAudit(db: Queryable, entry: { actor: string; action: string; subject: string; detail?: object }): Promise<void> {
  return appendAudit(db, entry)
}

/** The agency that owns a service id, if any. */
export function serviceOwner(db: Queryable, serviceId: string): Promise<string | undefined> {
  return findServiceOwner(db, serviceId)
}
