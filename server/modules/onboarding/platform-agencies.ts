import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { type PlatformAgencyRow, appendAudit, findServiceForDesignation, listPlatformAgencies, upsertPlatformAgency } from './repository'

/** The contracts the platform itself uses behind every service: 实名核验 and 支付. */
export const PLATFORM_CONTRACTS = ['identity@1', 'payment@1'] as const
export type PlatformContract = (typeof PLATFORM_CONTRACTS)[number]

/** The designated platform agencies (none until an operator, or the development demo, designates them). */
export function getPlatformAgencies(db: Queryable): Promise<PlatformAgencyRow[]> {
  return listPlatformAgencies(db)
}

/**
 * Designates the platform's own agency for a contract (02-services.md: an
 * operator setting, never whichever listed service sorts first): a listed,
 * national service of that contract. Recorded with who did it in the audit
 * log. `actor` is `operator:<token id>` (or the development demo's seed).
 */
export function designatePlatformAgency(db: Db, actor: string, contract: PlatformContract, serviceId: string): Promise<PlatformAgencyRow> {
  return db.transaction(async (tx) => {
    const service = await findServiceForDesignation(tx, serviceId)
    if (!service) throw new HttpError(404, 'SERVICE_NOT_FOUND', `No service ${serviceId} / 找不到服务 ${serviceId}`)
    if (service.contract !== contract) {
      throw new HttpError(409, 'CONTRACT_MISMATCH', `Service ${serviceId} implements ${service.contract}, not ${contract} / 该服务不是 ${contract} 服务`)
    }
    if (service.coverageLevel !== 'national' || service.status !== 'listed') {
      throw new HttpError(409, 'NOT_DESIGNABLE', `Service ${serviceId} must be a listed national service (it is ${service.status}, ${service.coverageLevel}) / 只能指定已上架的全国性服务`)
    }
    const row = await upsertPlatformAgency(tx, { contract, serviceId, designatedBy: actor })
    await appendAudit(tx, { actor, action: 'platform.designate', subject: contract, detail: { serviceId, previous: row.previous } })
    const { previous: _, ...designation } = row
    return designation
  })
}
