import type { SecretBox } from '../../crypto/secret-box'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { type ListedAgencyRow, countGatewayError, findListedAgency, findPlatformAgency } from './repository'
import type { AgencyTarget } from './call-operation'

export interface ServiceTarget extends AgencyTarget {
  serviceId: string
  name: string
}

function toTarget(db: Queryable, row: ListedAgencyRow | undefined, box: SecretBox): ServiceTarget | undefined {
  if (!row?.endpoint || !row.signing_secret) return undefined
  const serviceId = row.id
  return {
    serviceId,
    name: row.name,
    agencyId: row.agency_id,
    endpoint: row.endpoint,
    secret: row.previous_signing_secret ? [box.open(row.signing_secret), box.open(row.previous_signing_secret)] : box.open(row.signing_secret),
    countFailure: (kind) => countGatewayError(db, serviceId, kind),
  }
}

/** A listed service of this contract the citizen asked for by id; 404 when there is none. */
export async function listedService(db: Queryable, box: SecretBox, serviceId: string, contract: string): Promise<ServiceTarget> {
  const row = await findListedAgency(db, serviceId, contract)
  const target = toTarget(db, row, box)
  if (!target) throw new HttpError(404, 'SERVICE_NOT_FOUND', `No listed ${contract} service ${serviceId} / 未找到该服务或服务已下线`)
  return target
}

/**
 * The platform's own agency for a contract (identity@1 实名核验, payment@1
 * 支付): the listed service an operator designated for it (another agency
 * listing such a service does not make it the platform's). 503 when none is
 * designated and listed, so the citizen reads that the function is unavailable, not a crash.
 */
export async function platformAgency(db: Queryable, box: SecretBox, contract: 'identity@1' | 'payment@1'): Promise<ServiceTarget> {
  const row = await findPlatformAgency(db, contract)
  const target = toTarget(db, row, box)
  if (!target) {
    const what = contract === 'identity@1' ? '实名核验' : '在线支付'
    throw new HttpError(503, 'AGENCY_NOT_LISTED', `No ${contract} agency is designated and listed / ${what}服务暂未开通`)
  }
  return target
}
