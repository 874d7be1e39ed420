import { type Static, Type } from 'typebox'
import { strict } from './common'
import { ContributionList, ECard, InsuredStatus, MedicalAccount } from '../../server/contracts/social-security'

/**
 * 社保 as the app sees it: the bureau's answers (social-security@1) for the
 * verified citizen, contribution records one calendar year at a time.
 */
export const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }, strict)
export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100, description: 'calendar year, China time' }) }, strict)

export const InsuredView = Type.Object(InsuredStatus.properties, strict)
export const ContributionYear = Type.Object(
  {
    year: Type.Integer(),
    from: ContributionList.properties.records.items.properties.month,
    to: Type.String({ description: 'the last month asked for: December, or last month for the current year' }),
    ...ContributionList.properties,
  },
  strict,
)
export const MedicalAccountView = Type.Object(MedicalAccount.properties, strict)
export const ECardView = Type.Object(ECard.properties, strict)

export type InsuredViewT = Static<typeof InsuredView>
export type ContributionYearT = Static<typeof ContributionYear>
export type MedicalAccountViewT = Static<typeof MedicalAccountView>
export type ECardViewT = Static<typeof ECardView>
