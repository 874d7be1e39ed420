import type { FastifyBaseLogger } from 'fastify'
import { socialSecurityContract } from '../../contracts/social-security'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { requireIdentity } from '../citizens/identity-service'
import { yearMonths } from '../citizens/year-months'
import { agencyFor } from '../gateway/bound-agency'
import type { ContributionYearT } from '../../../src/api/social-security'

/**
 * 社保 through the city's social security bureau (social-security@1): every
 * answer is about the verified citizen, whose name and ID number the
 * platform opens from the sealed identity and sends only to this bureau, in
 * a signed request.
 */
export function createSocialSecurity(deps: CitizenDeps) {
  /** The bureau and the verified citizen (403 IDENTITY_REQUIRED before 实名认证). */
  async function bureauFor(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
    const identity = await requireIdentity(deps.db, deps.box, citizenId)
    return { bureau: await agencyFor(deps, serviceId, socialSecurityContract, log), identity }
  }

  return {
    /** Insured status per insurance type and contribution periods. */
    async insured(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { bureau, identity } = await bureauFor(serviceId, citizenId, log)
      return bureau.call('getInsuredStatus', { body: { idNumber: identity.idNumber } })
    },

    /** Contribution records of one calendar year, up to this month (422 YEAR_IN_FUTURE). */
    async contributions(serviceId: string, citizenId: string, year: number, log: FastifyBaseLogger): Promise<ContributionYearT> {
      const range = yearMonths(year)
      const { bureau, identity } = await bureauFor(serviceId, citizenId, log)
      const list = await bureau.call('listContributions', { body: { idNumber: identity.idNumber, ...range } })
      return { year, ...range, ...list }
    },

    /** The medical insurance personal account: balance and recent transactions. */
    async medicalAccount(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { bureau, identity } = await bureauFor(serviceId, citizenId, log)
      return bureau.call('getMedicalAccount', { body: { idNumber: identity.idNumber } })
    },

    /** The electronic social security card with its short-lived QR payload. */
    async eCard(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { bureau, identity } = await bureauFor(serviceId, citizenId, log)
      return bureau.call('getECard', { body: { name: identity.name, idNumber: identity.idNumber } })
    },
  }
}
