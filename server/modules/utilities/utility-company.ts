import type { FastifyBaseLogger } from 'fastify'
import { utilitiesContract } from '../../contracts/utilities'
import { type AgencyDeps, type BoundAgency, agencyFor } from '../gateway/bound-agency'

/** The companies of a listed utilities@1 service, bound to the contract's operations. */
export type UtilityCompany = BoundAgency<typeof utilitiesContract.operations>

/** The listed utilities service `serviceId` (404 SERVICE_NOT_FOUND when none is listed). */
export function utilityCompany(deps: AgencyDeps, serviceId: string, log: FastifyBaseLogger): Promise<UtilityCompany> {
  return agencyFor(deps, serviceId, utilitiesContract, log)
}
